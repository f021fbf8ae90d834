// The qrcode package ships no types; this is the one call linli makes.
declare module 'qrcode' {
  export function toString(text: string, opts: { type: 'terminal' | 'utf8'; small?: boolean }): Promise<string>;
}
