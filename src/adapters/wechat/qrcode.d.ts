// The qrcode package ships no types; this is the one call linli makes.
declare module 'qrcode' {
  // biome-ignore lint/suspicious/noShadowRestrictedNames: the package's own export name
  export function toString(text: string, opts: { type: 'terminal' | 'utf8'; small?: boolean }): Promise<string>;
}
