import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  src?: string;
}
type Manifest = Record<string, ManifestChunk>;

/** Gzipped sizes, in bytes, of what the browser must load for a route before it can render. */
export interface BundleSizes {
  /** The entry chunk and every chunk it imports statically (all preloaded by index.html). */
  initialJs: number;
  initialFiles: string[];
  /** What opening the framework adds on top: its lazy screens chunk and what that imports, not already loaded. */
  frameworkJs: number;
  frameworkCss: number;
}

function readManifest(clientDir: string): Manifest {
  const file = path.join(clientDir, '.vite', 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`No Vite manifest at ${file}: build with build.manifest = true`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

/** The chunk keys a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function gzipped(clientDir: string, file: string): number {
  return zlib.gzipSync(fs.readFileSync(path.join(clientDir, file)), { level: 9 }).length;
}

/** Measures the initial route and the framework route from the build's manifest (gzip level 9, as served files). */
export function measureBundle(clientDir: string): BundleSizes {
  const manifest = readManifest(clientDir);
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk');
  const initial = staticClosure(manifest, entry);
  const frameworkKey = Object.keys(manifest).find((key) => key.endsWith('screens/framework/FrameworkScreens.tsx'));
  if (!frameworkKey) throw new Error('The manifest has no FrameworkScreens chunk');
  const framework = [...staticClosure(manifest, frameworkKey)].filter((key) => !initial.has(key));
  const js = (keys: Iterable<string>) =>
    [...keys].reduce((sum, key) => sum + gzipped(clientDir, manifest[key]!.file), 0);
  const css = framework.flatMap((key) => manifest[key]!.css ?? []);
  return {
    initialJs: js(initial),
    initialFiles: [...initial].map((key) => manifest[key]!.file),
    frameworkJs: js(framework),
    frameworkCss: css.reduce((sum, file) => sum + gzipped(clientDir, file), 0),
  };
}
