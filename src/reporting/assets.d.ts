/** Vite's `?url` imports: the URL of a file the build emits as an asset (pdf-browser.ts, the report's fonts). */
declare module '*.ttf?url' {
  const url: string;
  export default url;
}
