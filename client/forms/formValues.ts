/** The text of a named form field exactly as typed ('' when missing); schemas trim where it is right to. */
export function textValue(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

/** Whether a named checkbox is ticked. */
export function checkboxValue(form: HTMLFormElement, name: string): boolean {
  return new FormData(form).get(name) !== null;
}

/** The chosen value of a radio group or select, or undefined when nothing is chosen. */
export function choiceValue(form: HTMLFormElement, name: string): string | undefined {
  const value = new FormData(form).get(name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
