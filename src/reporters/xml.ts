/**
 * XML 1.0 escaping for the JUnit report. Messages quote user input (YAML values, command lines),
 * so they may hold anything, including characters XML 1.0 forbids outright.
 */

/**
 * Characters XML 1.0 does not allow, not even as `&#…;` references: C0 controls other than tab,
 * newline and carriage return, U+FFFE, U+FFFF, and unpaired surrogates.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Shows a forbidden character as the text `\u001B`, so the reader still sees it was there. */
const visible = (char: string) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Escapes character data (element content). A carriage return is kept as `&#13;`; parsers would drop it. */
export function escapeXmlText(text: string): string {
  return text.replace(FORBIDDEN, visible).replace(/[&<>\r]/g, (c) => TEXT_ENTITIES[c]!);
}

/**
 * Escapes a double-quoted attribute value. Tabs and line breaks become references, because a
 * parser turns literal ones into spaces when it normalises the attribute.
 */
export function escapeXmlAttribute(text: string): string {
  return text.replace(FORBIDDEN, visible).replace(/[&<>"\r\n\t]/g, (c) => ATTRIBUTE_ENTITIES[c]!);
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ENTITIES: Record<string, string> = { ...TEXT_ENTITIES, '"': '&quot;', '\n': '&#10;', '\t': '&#9;' };

/** `<name a="1" b="2">` (or `<name … />` when `selfClosing`), skipping undefined attributes. */
export function xmlTag(name: string, attributes: Record<string, string | number | undefined>, selfClosing = false): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join('');
  return `<${name}${attrs}${selfClosing ? ' />' : '>'}`;
}
