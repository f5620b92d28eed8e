// States and provinces people and directories name: US states, DC, Canadian provinces and
// territories, with ISO 3166-2 codes and an approximate centre. Shared by the quiz (a typed place)
// and imports (a licence "in California").

export interface Region {
  /** ISO 3166-2 code. */
  code: string;
  name: string;
  lat: number;
  lng: number;
}

// US states, DC and Canadian provinces and territories with an approximate centre, packed to keep
// the bundle small: `code:name:lat:lng|...`.
const REGION_DATA =
  'US-AL:Alabama:32.8:-86.8|US-AK:Alaska:61.4:-150.0|US-AZ:Arizona:33.7:-111.9|US-AR:Arkansas:34.9:-92.4|' +
  'US-CA:California:36.1:-119.7|US-CO:Colorado:39.1:-105.3|US-CT:Connecticut:41.6:-72.8|US-DE:Delaware:39.3:-75.5|' +
  'US-DC:District of Columbia:38.9:-77.0|US-FL:Florida:27.8:-81.7|US-GA:Georgia:33.0:-83.6|US-HI:Hawaii:21.1:-157.5|' +
  'US-ID:Idaho:44.2:-114.5|US-IL:Illinois:40.3:-89.0|US-IN:Indiana:39.8:-86.3|US-IA:Iowa:42.0:-93.2|' +
  'US-KS:Kansas:38.5:-96.7|US-KY:Kentucky:37.7:-84.7|US-LA:Louisiana:31.2:-91.9|US-ME:Maine:44.7:-69.4|' +
  'US-MD:Maryland:39.1:-76.8|US-MA:Massachusetts:42.2:-71.5|US-MI:Michigan:43.3:-84.5|US-MN:Minnesota:45.7:-93.9|' +
  'US-MS:Mississippi:32.7:-89.7|US-MO:Missouri:38.5:-92.3|US-MT:Montana:46.9:-110.5|US-NE:Nebraska:41.1:-98.3|' +
  'US-NV:Nevada:38.3:-117.1|US-NH:New Hampshire:43.5:-71.6|US-NJ:New Jersey:40.3:-74.5|US-NM:New Mexico:34.8:-106.2|' +
  'US-NY:New York:42.2:-74.9|US-NC:North Carolina:35.6:-79.8|US-ND:North Dakota:47.5:-99.8|US-OH:Ohio:40.4:-82.8|' +
  'US-OK:Oklahoma:35.6:-96.9|US-OR:Oregon:44.6:-122.1|US-PA:Pennsylvania:40.6:-77.2|US-RI:Rhode Island:41.7:-71.5|' +
  'US-SC:South Carolina:33.9:-80.9|US-SD:South Dakota:44.3:-99.4|US-TN:Tennessee:35.7:-86.7|US-TX:Texas:31.1:-97.6|' +
  'US-UT:Utah:40.2:-111.9|US-VT:Vermont:44.0:-72.7|US-VA:Virginia:37.8:-78.2|US-WA:Washington:47.4:-121.5|' +
  'US-WV:West Virginia:38.5:-81.0|US-WI:Wisconsin:44.3:-89.6|US-WY:Wyoming:42.8:-107.3|' +
  'CA-AB:Alberta:53.9:-116.6|CA-BC:British Columbia:53.7:-127.6|CA-MB:Manitoba:53.8:-98.8|' +
  'CA-NB:New Brunswick:46.6:-66.5|CA-NL:Newfoundland and Labrador:53.1:-57.7|CA-NS:Nova Scotia:44.7:-63.7|' +
  'CA-NT:Northwest Territories:64.8:-124.8|CA-NU:Nunavut:70.3:-83.1|CA-ON:Ontario:51.3:-85.3|' +
  'CA-PE:Prince Edward Island:46.5:-63.4|CA-QC:Quebec:52.9:-73.5|CA-SK:Saskatchewan:52.9:-106.5|CA-YT:Yukon:64.3:-135.0';

/** US states, DC, and Canadian provinces and territories. */
export const REGIONS: readonly Region[] = REGION_DATA.split('|').map((entry) => {
  const [code, name, lat, lng] = entry.split(':');
  return { code, name, lat: Number(lat), lng: Number(lng) };
});

/** Case-, accent- and space-insensitive form of a place name, or of what a person typed. */
export const foldPlace = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s.-]+/g, '')
    .toUpperCase();

let byName: Map<string, string> | undefined;

/** The ISO 3166-2 code of a region written by name (`California`, `Québec`), or undefined (also for anything but text). */
export function regionCode(name: string): string | undefined {
  if (typeof name !== 'string') return undefined;
  byName ??= new Map(REGIONS.map((r) => [foldPlace(r.name), r.code]));
  return byName.get(foldPlace(name));
}
