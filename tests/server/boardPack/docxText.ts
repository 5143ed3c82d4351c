import JSZip from 'jszip';

/** A paragraph of a Word part: its style (if any) and its text with XML entities decoded. */
export interface WordParagraph {
  style: string | null;
  text: string;
}

const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
const decode = (xml: string) => xml.replace(/&(lt|gt|amp|quot|apos);/g, (entity) => entities[entity] ?? entity);

/** The text parts of a DOCX: the body, and the header and footer parts, as raw XML. */
export async function wordParts(docx: Buffer): Promise<{ document: string; headers: string[]; footers: string[] }> {
  const zip = await JSZip.loadAsync(docx);
  const read = (name: string) => zip.file(name)!.async('string');
  const names = Object.keys(zip.files);
  return {
    document: await read('word/document.xml'),
    headers: await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(read)),
    footers: await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read)),
  };
}

/** Every paragraph of a part in order. */
export function paragraphsOf(xml: string): WordParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
}
