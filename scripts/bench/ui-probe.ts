/**
 * What the UI benchmark (ui.ts) runs inside the page: a probe installed before the app's
 * own scripts, which notes when keys and clicks happen and waits, frame by frame, until
 * what the user would see has been painted. Timing in the page (from the event's own
 * timestamp to the frame after the change) leaves out the round trips between Node and
 * Chromium, which on a busy machine are longer than the UI's own work.
 *
 * The probe only reads the DOM through roles, labels and the classes the panes have long
 * had, so it measures any version of the renderer that shows the same things.
 *
 * This file is type-checked with Node's library, not the DOM's; the few page globals used
 * are described below and reached through globalThis inside the function run in the page.
 */

/** The part of a DOM element the probe uses. */
interface El {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
  closest(selector: string): El | null;
  click(): void;
  getBoundingClientRect(): { top: number; bottom: number; height: number };
}

interface TextNode {
  data: string;
  parentElement: El | null;
}

interface PageGlobals {
  document: {
    querySelector(selector: string): El | null;
    querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
    createTreeWalker(root: El, whatToShow: number): { nextNode(): TextNode | null };
  };
  getSelection(): { setBaseAndExtent(a: TextNode, ao: number, b: TextNode, bo: number): void; removeAllRanges(): void } | null;
  requestAnimationFrame(callback: (time: number) => void): number;
  addEventListener(type: string, listener: (event: { timeStamp: number; key?: string }) => void, capture: boolean): void;
  CSS: { highlights: { forEach(callback: (highlight: { size: number }, name: string) => void): void } };
  innerHeight: number;
  MutationObserver: new (callback: (records: { attributeName: string | null; oldValue: string | null }[]) => void) => { observe(target: El, options: object): void; disconnect(): void };
  glossBench: Probe;
}

/** What the page shows that applying or undoing a coding changes. */
export interface Seen {
  /** Highlight ranges registered for codes. */
  ranges: number;
  /** The open document's count of codings in the Documents pane. */
  count: string | null;
}

/** The probe's functions, called from Node through page.evaluate. */
export interface Probe {
  /** The last keydown's event time (performance.now() scale). */
  lastKey: number;
  seen(): Seen;
  /** Resolves, at the frame after, once the document list and the first document's text are shown; ms since navigation start. */
  opened(timeoutMs: number): Promise<number>;
  /** Selects a passage of the text on screen and waits for the code popover; resolves to what is shown before coding. */
  selectPassage(timeoutMs: number): Promise<Seen>;
  /** Waits until both the highlights and the count differ from `before` (apply), or equal `target` (undo); ms since the last key. */
  afterKey(before: Seen, target: Seen | null, timeoutMs: number): Promise<number>;
  /** Clicks the document at `index` in the Documents pane; ms until its first screen is painted. */
  switchTo(index: number, timeoutMs: number): Promise<number>;
  /**
   * Clicks a button by its text inside `scope`; ms until `selector` matches something
   * painted, and then until `thenSelector` does (null if it was not asked for).
   */
  clickUntil(scope: string, buttonText: string, selector: string, timeoutMs: number, thenSelector?: string): Promise<{ ms: number; thenMs: number | null }>;
  /** Presses Compute in the Agreement view; ms until the result is painted, and whether progress was shown meanwhile. */
  computeAgreement(timeoutMs: number): Promise<{ ms: number; progressShown: boolean }>;
  /** Waits until the Agreement view is not busy and shows its table. */
  agreementSettled(timeoutMs: number): Promise<void>;
}

/** tsx compiles with esbuild's keepNames, which wraps named functions in `__name(...)`: the page needs the helper too. */
export const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

/** Installs `glossBench` in the page; passed to page.addInitScript, so it runs before the app. */
export function installProbe(): void {
  const g = globalThis as unknown as PageGlobals;
  const SHOW_TEXT = 4;
  const frame = () => new Promise<number>((resolve) => g.requestAnimationFrame(() => resolve(performance.now())));
  /** The frame after the one in which `ready` became true has been painted. */
  const until = async (ready: () => boolean, timeoutMs: number, what: string): Promise<number> => {
    const deadline = performance.now() + timeoutMs;
    while (!ready()) {
      if (performance.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
      await frame();
    }
    await frame();
    return new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 0));
  };
  const readerRoot = () => g.document.querySelector('article.reader-text');
  const currentCount = () => {
    const current = g.document.querySelector('[aria-label="Documents"] [aria-current="page"]');
    return current?.closest('li')?.querySelector('.count')?.textContent ?? null;
  };
  const ranges = () => {
    let n = 0;
    g.CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('code-')) n += highlight.size;
    });
    return n;
  };
  const paintedMarks = () => performance.getEntriesByName('gloss:reader-painted').length;

  const probe: Probe = {
    lastKey: 0,
    seen: () => ({ ranges: ranges(), count: currentCount() }),
    async opened(timeoutMs) {
      return until(
        () => !!g.document.querySelector('[aria-label="Documents"] li button') && !!readerRoot()?.querySelector('[data-seg]')?.textContent,
        timeoutMs,
        'the document list and the first document',
      );
    },
    async selectPassage(timeoutMs) {
      const root = readerRoot();
      if (!root) throw new Error('no document is open in the reader');
      const walker = g.document.createTreeWalker(root, SHOW_TEXT);
      let node: TextNode | null = null;
      // A line of text well inside the view, long enough for a passage of a few words.
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const box = n.parentElement?.getBoundingClientRect();
        if (box && box.top > 80 && box.bottom < g.innerHeight - 80 && n.data.length >= 80) {
          node = n;
          break;
        }
      }
      if (!node) throw new Error('no line of 80 characters on screen to select');
      const from = node.data.indexOf(' ', 10) + 1;
      const to = node.data.indexOf(' ', from + 30);
      g.getSelection()?.setBaseAndExtent(node, from, node, to > from ? to : from + 30);
      await until(() => !!g.document.querySelector('input[aria-label="Code name"]'), timeoutMs, 'the code popover');
      return probe.seen();
    },
    async afterKey(before, target, timeoutMs) {
      const done = target
        ? () => ranges() === target.ranges && currentCount() === target.count
        : () => ranges() !== before.ranges && currentCount() !== before.count;
      const at = await until(done, timeoutMs, target ? 'undoing the coding' : 'applying the code');
      return at - probe.lastKey;
    },
    async switchTo(index, timeoutMs) {
      const buttons = g.document.querySelectorAll('[aria-label="Documents"] li button.row-main');
      const button = buttons[index];
      if (!button) throw new Error(`no document at row ${index} in the Documents pane`);
      const marks = paintedMarks();
      const start = performance.now();
      button.click();
      const at = await until(() => paintedMarks() > marks, timeoutMs, `opening ${button.textContent}`);
      return at - start;
    },
    async clickUntil(scope, buttonText, selector, timeoutMs, thenSelector) {
      const button = [...g.document.querySelectorAll(`${scope} button`)].find((b) => b.textContent?.trim() === buttonText);
      if (!button) throw new Error(`no button “${buttonText}” in ${scope}`);
      const start = performance.now();
      button.click();
      const at = await until(() => !!g.document.querySelector(selector), timeoutMs, `${selector} after “${buttonText}”`);
      const then = thenSelector ? await until(() => !!g.document.querySelector(thenSelector), timeoutMs, `${thenSelector} after “${buttonText}”`) : null;
      return { ms: at - start, thenMs: then === null ? null : then - start };
    },
    async agreementSettled(timeoutMs) {
      await until(
        () => {
          const view = g.document.querySelector('section[aria-label="Agreement"]');
          return view?.getAttribute('aria-busy') !== 'true' && !!view?.querySelector('table');
        },
        timeoutMs,
        'the agreement table',
      );
    },
    async computeAgreement(timeoutMs) {
      const view = g.document.querySelector('section[aria-label="Agreement"]');
      const button = [...(view?.querySelectorAll('button[type="submit"]') ?? [])][0];
      if (!view || !button) throw new Error('the Agreement view has no Compute button');
      let progressShown = false;
      let started = false;
      // Mutation records catch a busy flag or a progress line that comes and goes between two frames.
      const observer = new g.MutationObserver((records) => {
        // A record's old value says the view was busy even when it is no longer by the time the records arrive.
        if (view.getAttribute('aria-busy') === 'true' || records.some((r) => r.attributeName === 'aria-busy' && r.oldValue === 'true')) started = true;
        if (g.document.querySelector('.status-line .progress')) progressShown = true;
      });
      observer.observe(g.document.querySelector('.app') ?? view, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['aria-busy'] });
      const start = performance.now();
      button.click();
      try {
        const at = await until(() => started && view.getAttribute('aria-busy') !== 'true', timeoutMs, 'computing agreement');
        return { ms: at - start, progressShown };
      } finally {
        observer.disconnect();
      }
    },
  };
  g.addEventListener('keydown', (event) => (probe.lastKey = event.timeStamp), true);
  g.glossBench = probe;
}
