import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDebFiles, checkDesktopEntry, checkMacInfo, checkMimeGlobs, checkWindowsExecutable, debFiles, icoSizes, parseDesktopEntry } from './desktop-integration';

// As electron-builder writes it for build/electron-builder.json (linux.mimeTypes, category).
const DESKTOP = [
  '[Desktop Entry]',
  'Name=Gloss',
  'Exec=/opt/Gloss/gloss %U',
  'Terminal=false',
  'Type=Application',
  'Icon=gloss',
  'StartupWMClass=gloss',
  'Comment=Offline desktop app for qualitative research',
  'MimeType=application/x-gloss+json;',
  'Categories=Education;Science;',
  '',
  '[Desktop Action New]',
  'MimeType=text/plain;',
].join('\n');

const SIZES = [16, 512];
const FPM = [
  '-s',
  'dir',
  '--name',
  'gloss',
  '/tmp/release/linux-unpacked/=/opt/Gloss',
  '/tmp/release/.build/gloss.desktop=/usr/share/applications/gloss.desktop',
  'build/icons/16x16.png=/usr/share/icons/hicolor/16x16/apps/gloss.png',
  'build/icons/512x512.png=/usr/share/icons/hicolor/512x512/apps/gloss.png',
  'build/linux/gloss-mime.xml=/usr/share/mime/packages/gloss.xml',
  'build/document-icons/16x16.png=/usr/share/icons/hicolor/16x16/mimetypes/application-x-gloss+json.png',
  'build/document-icons/512x512.png=/usr/share/icons/hicolor/512x512/mimetypes/application-x-gloss+json.png',
];
const everythingExists = () => true;

describe('the Linux desktop entry', () => {
  it('reads only the [Desktop Entry] group', () => {
    const entry = parseDesktopEntry(DESKTOP);
    expect(entry.MimeType).toBe('application/x-gloss+json;');
    expect(entry.Exec).toBe('/opt/Gloss/gloss %U');
  });

  it('accepts an entry that offers Gloss for .gloss files', () => {
    expect(checkDesktopEntry(DESKTOP, 'gloss')).toEqual([]);
  });

  it('names each thing that would break opening a project from the file manager', () => {
    const broken = DESKTOP.replace('MimeType=application/x-gloss+json;', 'MimeType=application/json;')
      .replace(' %U', '')
      .replace('Categories=Education;Science;', 'Categories=Education;')
      .replace('StartupWMClass=gloss', 'StartupWMClass=Gloss');
    expect(checkDesktopEntry(broken, 'gloss')).toEqual([
      'MimeType is "application/json;", without application/x-gloss+json',
      'Exec "/opt/Gloss/gloss" passes no file (%U)',
      'Categories "Education;" lack Science',
      'StartupWMClass is "Gloss", not gloss (the dock would not match the window to the entry)',
    ]);
  });
});

describe('the deb’s files', () => {
  it('reads fpm’s source=destination arguments and nothing else', () => {
    expect(debFiles(['--name', 'gloss', '--url', 'https://x.example/a=b', 'a b/c.png=/usr/c.png'])).toEqual([{ source: 'a b/c.png', target: '/usr/c.png' }]);
  });

  it('accepts the app, its entry, both icon sets and our MIME type file', () => {
    expect(checkDebFiles(FPM, 'gloss', SIZES, everythingExists)).toEqual([]);
  });

  it('refuses a missing document icon, electron-builder’s own MIME file and a source that is not there', () => {
    const args = FPM.filter((arg) => !arg.includes('512x512/mimetypes')).map((arg) =>
      arg.startsWith('build/linux/gloss-mime.xml') ? '/tmp/release/.build/mime.xml=/usr/share/mime/packages/gloss.xml' : arg,
    );
    const problems = checkDebFiles(args, 'gloss', SIZES, (source) => !source.startsWith('build/icons/16'));
    expect(problems).toEqual([
      'the deb\'s MIME type file comes from /tmp/release/.build/mime.xml, not build/linux/gloss-mime.xml',
      'the deb lacks the 512×512 document icon (/usr/share/icons/hicolor/512x512/mimetypes/application-x-gloss+json.png)',
      '/usr/share/icons/hicolor/16x16/apps/gloss.png would come from build/icons/16x16.png, which does not exist',
    ]);
  });

  it('refuses two MIME type files (ours and electron-builder’s would fight over the icon)', () => {
    const problems = checkDebFiles([...FPM, '/tmp/x.xml=/usr/share/mime/packages/gloss-app.xml'], 'gloss', SIZES, everythingExists);
    expect(problems).toEqual([
      'the deb should install one MIME type file, /usr/share/mime/packages/gloss.xml; it installs /usr/share/mime/packages/gloss.xml, /usr/share/mime/packages/gloss-app.xml',
    ]);
  });
});

describe('shared-mime-info’s globs2', () => {
  it('finds *.gloss mapped to the project type', () => {
    expect(checkMimeGlobs('# comment\n50:application/x-gloss+json:*.gloss\n')).toEqual([]);
    expect(checkMimeGlobs('50:application/json:*.gloss\n')).toEqual(['shared-mime-info does not map *.gloss to application/x-gloss+json']);
  });
});

describe('the macOS Info.plist', () => {
  const hash = 'a'.repeat(64);
  const info = {
    CFBundleIdentifier: 'org.gloss.app',
    LSApplicationCategoryType: 'public.app-category.education',
    CFBundleDocumentTypes: [{ CFBundleTypeExtensions: ['gloss'], CFBundleTypeRole: 'Editor', CFBundleTypeIconFile: 'document.icns' }],
    UTExportedTypeDeclarations: [
      {
        UTTypeIdentifier: 'org.gloss.project',
        UTTypeTagSpecification: { 'public.filename-extension': ['gloss'], 'public.mime-type': ['application/x-gloss+json'] },
      },
    ],
    ElectronAsarIntegrity: { 'Resources/app.asar': { algorithm: 'SHA256', hash } },
  };
  const expected = { appId: 'org.gloss.app', asarHash: hash, resources: ['app.asar', 'document.icns', 'icon.icns'] };

  it('accepts the association, the type and the asar hash', () => {
    expect(checkMacInfo(info, expected)).toEqual([]);
  });

  it('refuses an asar hash that is not the packaged asar’s', () => {
    expect(checkMacInfo(info, { ...expected, asarHash: 'b'.repeat(64) })).toEqual([
      `ElectronAsarIntegrity says SHA256 ${hash}, but app.asar's header hashes to SHA256 ${'b'.repeat(64)}`,
    ]);
  });

  it('names a missing association, type and integrity entry', () => {
    const bare = { CFBundleIdentifier: 'org.gloss.app', LSApplicationCategoryType: 'public.app-category.education' };
    expect(checkMacInfo(bare, expected)).toEqual([
      'no CFBundleDocumentTypes entry for .gloss',
      'the type org.gloss.project is not declared (UTExportedTypeDeclarations)',
      'ElectronAsarIntegrity has no hash for Resources/app.asar',
    ]);
  });

  it('refuses a document icon that was not copied into Resources', () => {
    expect(checkMacInfo(info, { ...expected, resources: ['app.asar'] })).toEqual(['Resources/document.icns is missing']);
  });
});

describe('Gloss.exe', () => {
  const hash = 'c'.repeat(64);
  const exe = {
    strings: { ProductName: 'Gloss', FileDescription: 'Gloss', FileVersion: '0.1.0' },
    iconSizes: [256, 16, 32],
    integrity: [{ file: 'resources\\app.asar', alg: 'SHA256', value: hash }],
  };
  const expected = { productName: 'Gloss', asarHash: hash, iconSizes: [16, 32, 256] };

  it('accepts the product name, the app icon and the asar hash', () => {
    expect(checkWindowsExecutable(exe, expected)).toEqual([]);
  });

  it('names an Electron left as it came: its name, its icon, no asar hash', () => {
    const electron = { strings: { ProductName: 'Electron', FileDescription: 'Electron' }, iconSizes: [16, 32, 48, 256], integrity: null };
    expect(checkWindowsExecutable(electron, expected)).toEqual([
      'its ProductName is Electron, not Gloss',
      'its FileDescription is Electron, not Gloss',
      'its icon has images of 16, 32, 48, 256 px, not those of the app icon (16, 32, 256 px)',
      'it carries no asar integrity hash for resources\\app.asar',
    ]);
  });

  it('refuses a hash of another asar', () => {
    expect(checkWindowsExecutable(exe, { ...expected, asarHash: 'd'.repeat(64) })).toEqual([
      `its asar integrity says SHA256 ${hash}, but app.asar's header hashes to SHA256 ${'d'.repeat(64)}`,
    ]);
  });

  it('reads the image sizes of an .ico, 0 meaning 256', () => {
    const ico = Buffer.alloc(6 + 16 * 2);
    ico.writeUInt16LE(1, 2);
    ico.writeUInt16LE(2, 4);
    ico[6] = 16;
    ico[6 + 16] = 0;
    expect(icoSizes(ico)).toEqual([16, 256]);
  });
});

describe('reading what electron-builder wrote, for any content', () => {
  const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
  const value = fc.string({ maxLength: 40 }).filter((v) => !v.includes('\n') && !v.includes('\r'));

  it('gives back every key of the [Desktop Entry] group and none of another group', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value), fc.dictionary(key, value), (main, action) => {
        const text = ['[Desktop Entry]', ...Object.entries(main).map(([k, v]) => `${k}=${v}`), '', '[Desktop Action New]', ...Object.entries(action).map(([k, v]) => `${k}=${v}`)].join('\n');
        expect(parseDesktopEntry(text)).toEqual(main);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back every source=destination pair of fpm’s arguments, whatever the source’s name', () => {
    const source = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.startsWith('-') && !s.includes('=/') && !s.endsWith('='));
    const target = fc.stringMatching(/^\/[a-z0-9+_./-]{0,30}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(source, target), { maxLength: 8 }), (pairs) => {
        const args = ['-s', 'dir', '--name', 'gloss', ...pairs.map(([s, t]) => `${s}=${t}`)];
        expect(debFiles(args)).toEqual(pairs.map(([s, t]) => ({ source: s, target: t })));
      }),
      { numRuns: 200 },
    );
  });
});
