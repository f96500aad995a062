/** `text` without a leading UTF-8 byte-order mark (U+FEFF), which JSON does not allow. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
