/**
 * How the packaged app presents itself to each desktop, read from what electron-builder
 * produced: the Linux desktop entry and the files the deb installs, and the macOS
 * Info.plist. Each check returns the problems it found, in plain words (none: all is well).
 * Pure, so the rules are unit-tested apart from a packaging run.
 */

/** The MIME type of a Gloss project (issue 14: the contract the desktop and other tools use). */
export const PROJECT_MIME_TYPE = 'application/x-gloss+json';
/** The freedesktop icon name of that type: its MIME type with "/" as "-". */
export const PROJECT_MIME_ICON = PROJECT_MIME_TYPE.replace('/', '-');

/** The keys of a desktop entry's [Desktop Entry] group. */
export function parseDesktopEntry(text: string): Record<string, string> {
  const entry: Record<string, string> = {};
  let inMain = false;
  for (const line of text.split('\n')) {
    const group = /^\[(.+)\]\s*$/.exec(line);
    if (group) {
      inMain = group[1] === 'Desktop Entry';
      continue;
    }
    const pair = /^([A-Za-z0-9-]+(?:\[[^\]]+\])?)=(.*)$/.exec(line);
    if (inMain && pair) entry[pair[1]!] = pair[2]!;
  }
  return entry;
}

/** The Linux desktop entry: Gloss is offered for .gloss files and gets the file it is opened with. */
export function checkDesktopEntry(text: string, executable: string): string[] {
  const entry = parseDesktopEntry(text);
  const problems: string[] = [];
  const mimeTypes = (entry.MimeType ?? '').split(';').filter(Boolean);
  if (!mimeTypes.includes(PROJECT_MIME_TYPE)) problems.push(`MimeType is "${entry.MimeType ?? ''}", without ${PROJECT_MIME_TYPE}`);
  if (!/ %[UuFf]$/.test(entry.Exec ?? '')) problems.push(`Exec "${entry.Exec ?? ''}" passes no file (%U)`);
  if (entry.Icon !== executable) problems.push(`Icon is "${entry.Icon ?? ''}", not ${executable}`);
  const categories = (entry.Categories ?? '').split(';').filter(Boolean);
  for (const category of ['Education', 'Science']) if (!categories.includes(category)) problems.push(`Categories "${entry.Categories ?? ''}" lack ${category}`);
  if (entry.StartupWMClass !== executable) problems.push(`StartupWMClass is "${entry.StartupWMClass ?? ''}", not ${executable} (the dock would not match the window to the entry)`);
  return problems;
}

/** The files fpm puts in the deb, from its arguments "source=destination". */
export function debFiles(fpmArgs: readonly string[]): { source: string; target: string }[] {
  return fpmArgs
    .filter((arg) => /^[^-].*=\//.test(arg))
    .map((arg) => {
      const at = arg.lastIndexOf('=/');
      return { source: arg.slice(0, at), target: arg.slice(at + 1) };
    });
}

/**
 * The deb: the app under /opt, the app icon and the document icon in each size, and one
 * shared-mime-info file declaring the project type (ours, not electron-builder's, whose
 * icon would be a generic document).
 */
export function checkDebFiles(fpmArgs: readonly string[], executable: string, iconSizes: readonly number[], exists: (source: string) => boolean): string[] {
  const files = debFiles(fpmArgs);
  const problems: string[] = [];
  const targets = new Map(files.map((f) => [f.target, f.source]));
  const mimeFiles = files.filter((f) => f.target.startsWith('/usr/share/mime/packages/'));
  if (mimeFiles.length !== 1 || mimeFiles[0]!.target !== `/usr/share/mime/packages/${executable}.xml`) {
    problems.push(`the deb should install one MIME type file, /usr/share/mime/packages/${executable}.xml; it installs ${mimeFiles.map((f) => f.target).join(', ') || 'none'}`);
  } else if (!mimeFiles[0]!.source.endsWith('build/linux/gloss-mime.xml')) {
    problems.push(`the deb's MIME type file comes from ${mimeFiles[0]!.source}, not build/linux/gloss-mime.xml`);
  }
  for (const size of iconSizes) {
    const app = `/usr/share/icons/hicolor/${size}x${size}/apps/${executable}.png`;
    const document = `/usr/share/icons/hicolor/${size}x${size}/mimetypes/${PROJECT_MIME_ICON}.png`;
    if (!targets.has(app)) problems.push(`the deb lacks the ${size}×${size} app icon (${app})`);
    if (!targets.has(document)) problems.push(`the deb lacks the ${size}×${size} document icon (${document})`);
  }
  if (!files.some((f) => f.target.startsWith('/opt/') && f.source.endsWith('-unpacked/'))) problems.push('the deb does not install the app under /opt');
  if (!targets.has(`/usr/share/applications/${executable}.desktop`)) problems.push(`the deb lacks /usr/share/applications/${executable}.desktop`);
  for (const { source, target } of files) if (!exists(source)) problems.push(`${target} would come from ${source}, which does not exist`);
  return problems;
}

/** A shared-mime-info globs2 file maps *.gloss to the project type. */
export function checkMimeGlobs(globs2: string): string[] {
  const mapped = globs2.split('\n').some((line) => line.split(':').slice(1).join(':') === `${PROJECT_MIME_TYPE}:*.gloss`);
  return mapped ? [] : [`shared-mime-info does not map *.gloss to ${PROJECT_MIME_TYPE}`];
}

type Plist = Record<string, unknown>;
const list = (value: unknown): Plist[] => (Array.isArray(value) ? (value as Plist[]) : []);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The macOS Info.plist: the app's identity and category, .gloss files opened by Gloss
 * with their own icon, the project type declared with its MIME type, and the hash of
 * app.asar that Electron checks at start.
 */
export function checkMacInfo(info: Plist, expected: { appId: string; asarHash: string; resources: readonly string[] }): string[] {
  const problems: string[] = [];
  if (info.CFBundleIdentifier !== expected.appId) problems.push(`CFBundleIdentifier is ${String(info.CFBundleIdentifier)}, not ${expected.appId}`);
  if (info.LSApplicationCategoryType !== 'public.app-category.education') problems.push(`LSApplicationCategoryType is ${String(info.LSApplicationCategoryType)}`);
  const documentType = list(info.CFBundleDocumentTypes).find((t) => strings(t.CFBundleTypeExtensions).includes('gloss'));
  if (!documentType) problems.push('no CFBundleDocumentTypes entry for .gloss');
  else {
    if (documentType.CFBundleTypeRole !== 'Editor') problems.push(`.gloss files open with role ${String(documentType.CFBundleTypeRole)}, not Editor`);
    const icon = String(documentType.CFBundleTypeIconFile ?? '');
    if (icon !== 'document.icns') problems.push(`.gloss files show ${icon || 'no icon'}, not document.icns`);
    else if (!expected.resources.includes(icon)) problems.push(`Resources/${icon} is missing`);
  }
  const exported = list(info.UTExportedTypeDeclarations).find((t) => t.UTTypeIdentifier === 'org.gloss.project');
  const tags = (exported?.UTTypeTagSpecification ?? {}) as Plist;
  if (!exported) problems.push('the type org.gloss.project is not declared (UTExportedTypeDeclarations)');
  else {
    if (!strings(tags['public.filename-extension']).includes('gloss')) problems.push('org.gloss.project does not name the extension gloss');
    if (!strings(tags['public.mime-type']).includes(PROJECT_MIME_TYPE)) problems.push(`org.gloss.project does not name the MIME type ${PROJECT_MIME_TYPE}`);
  }
  const integrity = ((info.ElectronAsarIntegrity ?? {}) as Record<string, { algorithm?: string; hash?: string }>)['Resources/app.asar'];
  if (!integrity) problems.push('ElectronAsarIntegrity has no hash for Resources/app.asar');
  else if (integrity.algorithm !== 'SHA256' || integrity.hash !== expected.asarHash) {
    problems.push(`ElectronAsarIntegrity says ${integrity.algorithm} ${integrity.hash}, but app.asar's header hashes to SHA256 ${expected.asarHash}`);
  }
  return problems;
}

/** What a Windows executable's resources say (windows-resources.ts reads them). */
export interface WindowsResources {
  /** The version strings of its first language (ProductName, FileDescription, …). */
  strings: Record<string, string>;
  /** The pixel sizes of its icon's images. */
  iconSizes: number[];
  /** The asar hashes Electron checks at start, or null if there are none. */
  integrity: { file: string; alg: string; value: string }[] | null;
}

/** The pixel sizes of the images in a .ico file (a width byte of 0 means 256). */
export function icoSizes(ico: Buffer): number[] {
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
}

/**
 * Gloss.exe: named as the product, with the app's icon, and carrying the hash of
 * resources\app.asar that Electron checks before loading it (the integrity fuse).
 */
export function checkWindowsExecutable(exe: WindowsResources, expected: { productName: string; asarHash: string; iconSizes: readonly number[] }): string[] {
  const problems: string[] = [];
  for (const key of ['ProductName', 'FileDescription']) {
    if (exe.strings[key] !== expected.productName) problems.push(`its ${key} is ${exe.strings[key] ?? 'missing'}, not ${expected.productName}`);
  }
  const sizes = [...exe.iconSizes].sort((a, b) => a - b);
  const wanted = [...expected.iconSizes].sort((a, b) => a - b);
  if (sizes.join() !== wanted.join()) problems.push(`its icon has images of ${sizes.join(', ') || 'no'} px, not those of the app icon (${wanted.join(', ')} px)`);
  const entry = exe.integrity?.find((item) => item.file.toLowerCase() === 'resources\\app.asar');
  if (!entry) problems.push('it carries no asar integrity hash for resources\\app.asar');
  else if (entry.alg !== 'SHA256' || entry.value !== expected.asarHash) {
    problems.push(`its asar integrity says ${entry.alg} ${entry.value}, but app.asar's header hashes to SHA256 ${expected.asarHash}`);
  }
  return problems;
}
