/** Lower case without accents, for matching what people type ("métallerie" ~ "METALLERIE"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
