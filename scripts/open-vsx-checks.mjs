// What Open VSX checks when an extension is published, as far as it can be checked offline, on a
// manifest (package.json) and the files of the package. Written from the registry server's
// metadata validation (name and namespace characters, version characters and reserved versions,
// field lengths, characters allowed in text fields, URLs, gallery banner values) and its
// publishing guide (a license, a repository). `ovsx` itself offers no offline check: every
// command but verify-signature talks to the registry.
//
//   openVsxProblems(manifest, files) -> string[]   (empty when the package would pass)
//     manifest  the parsed package.json of the package
//     files     Map of the package's paths (as in the .vsix's extension/ folder) -> Buffer,
//               or undefined to skip the checks on file contents

const NAME = /^[\w\-+$~]+$/;
const VERSION_CHARS = /^[\p{L}\p{N}$+\-,.:;_]+$/u;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const RESERVED_VERSIONS = new Set(['latest', 'pre-release', 'reviews']);
const LONG = 255;
const DESCRIPTION = 2048;
// Control, format, unassigned, private-use and line/paragraph separator characters are refused.
const BAD_CHARS = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}]/u;

const urlOf = (field) => (typeof field === 'string' ? field : field && typeof field.url === 'string' ? field.url : undefined);

function isUrl(value) {
  try {
    return new URL(value.replace(/^git\+/, '')).host !== '';
  } catch {
    return false;
  }
}

/** PNG width and height from its header, or undefined when the bytes are not a PNG. */
export function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!bytes || bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function openVsxProblems(manifest, files) {
  const problems = [];
  const text = (value, field, limit) => {
    if (value === undefined) return;
    if (typeof value !== 'string') problems.push(`${field} must be text`);
    else if (BAD_CHARS.test(value)) problems.push(`${field} holds a control or unassigned character`);
    else if (value.length > limit) problems.push(`${field} is longer than ${limit} characters`);
  };
  for (const field of ['name', 'publisher']) {
    const value = manifest[field];
    if (typeof value !== 'string' || value === '') problems.push(`${field} is missing`);
    else if (!NAME.test(value)) problems.push(`${field} "${value}" may hold only letters, digits and _ - + $ ~`);
    else if (value.length > LONG) problems.push(`${field} is longer than ${LONG} characters`);
  }
  const version = manifest.version;
  if (typeof version !== 'string' || version === '') problems.push('version is missing');
  else {
    if (RESERVED_VERSIONS.has(version)) problems.push(`version "${version}" is reserved`);
    if (!VERSION_CHARS.test(version)) problems.push(`version "${version}" holds a character Open VSX refuses`);
    if (!SEMVER.test(version)) problems.push(`version "${version}" is not a semantic version`);
  }
  text(manifest.displayName, 'displayName', LONG);
  text(manifest.description, 'description', DESCRIPTION);
  for (const [field, list] of [['categories', manifest.categories], ['keywords', manifest.keywords]]) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) problems.push(`${field} must be a list`);
    else list.forEach((v, i) => text(v, `${field}[${i}]`, LONG));
  }
  if (typeof manifest.license !== 'string' || manifest.license.trim() === '') problems.push('license is missing: Open VSX shows it, and ovsx asks for one');
  else text(manifest.license, 'license', LONG);
  for (const field of ['homepage', 'repository', 'bugs']) {
    const url = urlOf(manifest[field]);
    if (manifest[field] === undefined) {
      if (field === 'repository') problems.push('repository is missing: Open VSX links to it, and vsce rewrites README links from it');
      continue;
    }
    if (!url || !isUrl(url)) problems.push(`${field} is not a URL with a host`);
    else if (url.length > LONG) problems.push(`${field} is longer than ${LONG} characters`);
  }
  const banner = manifest.galleryBanner;
  if (banner !== undefined) {
    if (banner.theme !== undefined && !['dark', 'light'].includes(banner.theme)) problems.push('galleryBanner.theme must be dark or light');
    if (banner.color !== undefined) text(banner.color, 'galleryBanner.color', 16);
  }
  if (manifest.markdown !== undefined && !['github', 'standard'].includes(manifest.markdown)) problems.push('markdown must be github or standard');
  if (manifest.qna !== undefined && manifest.qna !== false && manifest.qna !== 'marketplace' && !(typeof manifest.qna === 'string' && isUrl(manifest.qna))) {
    problems.push('qna must be marketplace, false or a URL');
  }
  if (typeof manifest.engines?.vscode !== 'string' || manifest.engines.vscode === '') problems.push('engines.vscode is missing: editors use it to decide whether the extension can run');
  if (typeof manifest.icon !== 'string') problems.push('icon is missing: Open VSX shows a placeholder');

  if (files) {
    if (![...files.keys()].some((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f))) problems.push('the package holds no LICENSE file');
    if (typeof manifest.icon === 'string') {
      const size = pngSize(files.get(manifest.icon.replace(/^\.\//, '')));
      if (!size) problems.push(`the icon ${manifest.icon} is not in the package as a PNG`);
      else if (size.width < 128 || size.height < 128) problems.push(`the icon is ${size.width}x${size.height}; make it at least 128x128`);
    }
    const readme = files.get('README.md') ?? files.get('readme.md');
    if (!readme) problems.push('the package holds no README.md: Open VSX shows it as the extension\'s page');
    else {
      // Open VSX shows the README from the package, away from the repository: every link and
      // image must be absolute (vsce rewrites relative ones from the repository URL).
      const relative = [...readme.toString('utf8').matchAll(/\]\(([^)\s]+)/g)].map((m) => m[1]).filter((l) => !/^(https:|http:|mailto:|#)/.test(l));
      if (relative.length > 0) problems.push(`the packaged README has relative links, which break on Open VSX: ${relative.slice(0, 3).join(', ')}`);
      const insecure = [...readme.toString('utf8').matchAll(/!\[[^\]]*\]\((http:[^)\s]+)/g)].map((m) => m[1]);
      if (insecure.length > 0) problems.push(`the packaged README shows images over http: ${insecure.join(', ')}`);
    }
  }
  return problems;
}
