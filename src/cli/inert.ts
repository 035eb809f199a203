// inert(): text made safe to print on a terminal. Scripts, content and file names can hold
// control characters — an escape sequence that clears the screen, writes the clipboard (OSC
// 52) or moves the cursor to draw a fake "Built" line — so every control character other than
// the line break and the tab is shown as `\xHH`. A CRLF line ending stays a line break.

// C0 (but tab and line feed), DEL and C1; a CR is kept only as part of CRLF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it escapes
const CONTROL = /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`

export const inert = (text: string): string =>
  text.replace(CONTROL, (c) => (c === '\r\n' ? '\n' : hex(c)))
