/** YAML data files are bundled as text by esbuild (see scripts/build.mjs). */
declare module '*.yaml' {
  const text: string;
  export default text;
}
