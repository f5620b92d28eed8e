// The adapter from docs/adapters.md: a made-up directory API as a TherapistSource.
import {
  SourceError,
  restSource,
  type ClientType,
  type SearchOptions,
  type SessionFormat,
  type SourceQuery,
  type SourceResult,
  type TherapistInput,
  type TherapistSource,
} from 'therapist-match';

/** One provider as the Example Directory API answers it. Empty lists are left out. */
export interface Provider {
  npi: number;
  first_name: string;
  last_name: string;
  pronouns?: string;
  /** State licences: `{ code: 'LMFT', state: 'CA' }`. */
  credentials?: { code: string; state: string; number?: string }[];
  aasect_certified?: boolean;
  /** Who the provider works with. */
  sees?: ('individuals' | 'couples' | 'families')[];
  /** The API's own specialty codes. */
  specialties?: string[];
  office: { city: string; state: string; zip: string; lat: number; lng: number } | null;
  /** States where the provider sees clients by video. */
  video_states?: string[];
  accepting_new_clients: boolean;
  fee: { usd_min: number; usd_max?: number; sliding_scale?: boolean } | null;
  languages?: string[];
  booking_url?: string;
}

/** `GET /v2/providers` answers one page of providers and how many match in all. */
export interface ProvidersPage {
  items: Provider[];
  total: number;
}

type Sees = NonNullable<Provider['sees']>[number];

const CLIENT_TYPES: Record<Sees, ClientType> = {
  individuals: 'individual',
  couples: 'couple',
  families: 'family',
};

/** The API's specialty codes as the widget's concern ids. Codes without a counterpart are left out. */
const CONCERNS: Record<string, string> = {
  'low-libido': 'low-desire',
  'mismatched-desire': 'desire-discrepancy',
  ed: 'erectile-concerns',
  pe: 'early-ejaculation',
  'performance-anxiety': 'performance-anxiety',
  vaginismus: 'pain-with-sex',
  'affair-recovery': 'infidelity-recovery',
  'sex-communication': 'communication-about-sex',
  kink: 'kink-and-alternative-sexualities',
};

/**
 * One provider as a therapist record. No checks here: the widget validates every record, skips one
 * it cannot use (no licence, no format) and reports it with its id in `tm-data-problem`.
 */
export function toTherapist(provider: Provider): TherapistInput {
  const { office, fee } = provider;
  const videoStates = provider.video_states ?? [];
  const formats: SessionFormat[] = [];
  if (office) formats.push('in-person');
  if (videoStates.length) formats.push('telehealth');
  return {
    id: `npi-${provider.npi}`,
    name: `${provider.first_name} ${provider.last_name}`,
    pronouns: provider.pronouns,
    licenses: (provider.credentials ?? []).map((credential) => ({
      type: credential.code,
      jurisdiction: `US-${credential.state}`,
      number: credential.number,
    })),
    certifications: provider.aasect_certified ? [{ body: 'AASECT', name: 'Certified Sex Therapist' }] : undefined,
    // Who the therapist sees. Left out, a record is read as individuals only and couples never see it.
    clientTypes: provider.sees?.map((who) => CLIENT_TYPES[who]),
    concerns: provider.specialties?.flatMap((code) => CONCERNS[code] ?? []),
    formats,
    location: office
      ? {
          city: office.city,
          region: office.state,
          postalCode: office.zip,
          country: 'US',
          lat: office.lat,
          lng: office.lng,
        }
      : undefined,
    telehealthJurisdictions: videoStates.map((state) => `US-${state}`),
    fees: fee ? { currency: 'USD', min: fee.usd_min, max: fee.usd_max, slidingScale: fee.sliding_scale } : undefined,
    acceptingNewClients: provider.accepting_new_clients,
    languages: provider.languages,
    bookingUrl: provider.booking_url,
  };
}

const SEES: Partial<Record<ClientType, Sees>> = {
  individual: 'individuals',
  couple: 'couples',
};

/**
 * The query as the API's parameters, sending only what the API can filter exactly as the widget
 * would: more candidates than needed is fine (the engine checks every constraint again), fewer
 * loses people the widget would have matched.
 */
export function providerParameters(query: SourceQuery): URLSearchParams {
  const params = new URLSearchParams({ page_size: '500' });
  const sees = query.clientType && SEES[query.clientType];
  if (sees) params.set('sees', sees);
  if (query.acceptingNewClients) params.set('accepting', 'true');
  // A therapist fits in person near the person OR by video where they live. The API combines its
  // filters with AND, so narrow by place only when the person requires one of the two formats.
  const only = query.formats?.length === 1 ? query.formats[0] : undefined;
  if (only === 'telehealth' && query.jurisdiction?.startsWith('US-'))
    params.set('video_state', query.jurisdiction.slice(3));
  if (only === 'in-person' && query.near) {
    params.set('lat', String(query.near.lat));
    params.set('lng', String(query.near.lng));
    params.set('radius_mi', String(Math.ceil(query.near.radiusKm / 1.609344)));
  }
  return params;
}

export interface ProvidersSourceOptions {
  /** Where the API lives, e.g. `https://api.example.org`. */
  baseUrl: string;
  /** The public key the directory issues for web pages, sent as `x-api-key`. */
  apiKey: string;
  /** Milliseconds before a search fails with a `timeout` error. Default 10,000. */
  timeoutMs?: number;
}

/** The Example Directory API as a source for `<therapist-match>`. */
export function providersSource({ baseUrl, apiKey, timeoutMs = 10_000 }: ProvidersSourceOptions): TherapistSource {
  const label = 'Example Directory API';
  return {
    label,
    applies: ['clientType', 'acceptingNewClients'],
    async search(query: SourceQuery, { signal }: SearchOptions): Promise<SourceResult> {
      const url = new URL(`/v2/providers?${providerParameters(query)}`, baseUrl);
      const deadline = AbortSignal.timeout(timeoutMs);
      // Why the request stopped: the widget aborted it (a newer query, the element removed), the
      // deadline passed, or the network failed.
      const failure = (cause: unknown) =>
        signal.aborted
          ? new SourceError('aborted', `${label}: search cancelled`, undefined, { cause })
          : deadline.aborted
            ? new SourceError('timeout', `${label} did not answer within ${timeoutMs} ms: try again later`)
            : new SourceError(
                'network',
                `${label} could not be reached at ${url.origin}: check baseUrl, and that the API allows this site (CORS)`,
                undefined,
                { cause },
              );

      let response: Response;
      try {
        response = await fetch(url, {
          signal: AbortSignal.any([signal, deadline]),
          headers: { accept: 'application/json', 'x-api-key': apiKey },
        });
      } catch (cause) {
        throw failure(cause);
      }
      if (response.status === 401 || response.status === 403)
        throw new SourceError(
          'http',
          `${label} answered HTTP ${response.status}: check apiKey, and that the key allows this site's domain`,
          response.status,
        );
      if (!response.ok)
        throw new SourceError(
          'http',
          `${label} answered HTTP ${response.status}: the API failed; check its status page, then press Retry`,
          response.status,
        );

      let page: Partial<ProvidersPage> | null;
      try {
        page = (await response.json()) as Partial<ProvidersPage> | null;
      } catch (cause) {
        if (signal.aborted || deadline.aborted) throw failure(cause);
        throw new SourceError('parse', `${label} did not answer JSON: check that baseUrl is the API, not its website`);
      }
      if (!Array.isArray(page?.items))
        throw new SourceError('shape', `${label} answered without an "items" list: check the /v2/ API version`);
      return { records: page.items.map(toTherapist), total: page.total };
    },
  };
}

/** The same source built on `restSource`, which does the fetch, the deadline, the abort and the errors. */
export function providersRestSource({ baseUrl, apiKey, timeoutMs }: ProvidersSourceOptions): TherapistSource {
  return restSource({
    url: new URL('/v2/providers', baseUrl),
    label: 'Example Directory API',
    headers: { 'x-api-key': apiKey },
    timeoutMs,
    applies: ['clientType', 'acceptingNewClients'],
    mapRequest(query, request) {
      request.url.search = providerParameters(query).toString();
    },
    mapResponse(json) {
      const page = json as Partial<ProvidersPage> | null;
      if (!Array.isArray(page?.items))
        throw new SourceError(
          'shape',
          'Example Directory API answered without an "items" list: check the /v2/ API version',
        );
      return { records: page.items.map(toTherapist), total: page.total };
    },
  });
}
