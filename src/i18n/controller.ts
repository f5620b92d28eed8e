// LocaleController: how every element of the widget finds its language and its words. The
// language is the element's own `lang`, else the closest `[lang]` around it (the root also follows
// a page that switches `<html lang>`); the words are a site's `strings`, then that language, then
// its base language, then English, merged again only when one of those changes; a language that
// ships as a chunk is fetched the first time, and the element renders again when it arrives.
import type { ReactiveController, ReactiveElement } from 'lit';
import { formatMessage, type Catalogue } from './localize.js';
import { catalogueFor, cataloguesVersion, ensureCatalogue, resolveLanguage, type MessageKey } from './index.js';

type LocaleHost = ReactiveElement & { lang: string; strings?: Partial<Catalogue> };

export class LocaleController implements ReactiveController {
  private merged?: { lang: string; strings?: Partial<Catalogue>; version: number; catalogue: Catalogue };
  private observer?: MutationObserver;

  private readonly english?: Catalogue;
  private readonly overrides: () => Partial<Catalogue> | undefined;

  /**
   * @param options.english the element's own English messages, when they are not in the shared
   *   catalogue (the results view brings its own)
   * @param options.strings the site's overrides in use (default: the host's `strings`)
   * @param options.followPage also render again when the page's `<html lang>` changes (the root does)
   */
  constructor(
    private readonly host: LocaleHost,
    private readonly options: {
      english?: Catalogue;
      strings?: () => Partial<Catalogue> | undefined;
      followPage?: boolean;
    } = {},
  ) {
    this.english = options.english;
    this.overrides = options.strings ?? (() => host.strings);
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.options.followPage) return;
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  hostUpdate(): void {
    ensureCatalogue(this.lang, this.host);
  }

  /** The language in use (a tag `Intl` accepts). */
  get lang(): string {
    return resolveLanguage(this.host);
  }

  /** Every message for the language, with the site's overrides on top. */
  get catalogue(): Catalogue {
    const lang = this.lang;
    const strings = this.overrides();
    const version = cataloguesVersion;
    const m = this.merged;
    if (m && m.lang === lang && m.strings === strings && m.version === version) return m.catalogue;
    const base = catalogueFor(lang, strings);
    const catalogue = this.english ? { ...this.english, ...base } : base;
    this.merged = { lang, strings, version, catalogue };
    return catalogue;
  }

  /** Whether there is a message for `key`. */
  has(key: string): boolean {
    return this.catalogue[key] !== undefined;
  }

  /** The message `key` with its `{placeholders}` filled; a missing key shows itself so it gets noticed. */
  t(key: MessageKey, values?: Record<string, string | number>): string {
    const message = this.catalogue[key];
    return message === undefined ? key : formatMessage(message, this.lang, values);
  }
}
