/** Text made safe to place in HTML, in an element or a quoted attribute: the five special characters as numeric entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
