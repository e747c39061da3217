/** Vite asset imports used by the web app (the subset of vite/client it needs). */
declare module '*?worker&url' {
  const url: string;
  export default url;
}
