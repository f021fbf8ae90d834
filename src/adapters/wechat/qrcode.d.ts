// The qrcode package ships no types; this is the one call linli makes (terminal art, and SVG for the admins' page).
declare module 'qrcode' {
  // biome-ignore lint/suspicious/noShadowRestrictedNames: the package's own export name
  export function toString(text: string, opts: { type: 'terminal' | 'utf8' | 'svg'; small?: boolean; margin?: number }): Promise<string>;
}
