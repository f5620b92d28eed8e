// Types for the sample generator (plain JavaScript so Node runs it without a build).
export declare const CITIES: {
  city: string;
  region: string;
  postalCode: string;
  country: string;
  lat: number;
  lng: number;
}[];
export declare function createRandom(seed: number): () => number;
export declare function generateTherapists(count: number, seed?: number): Record<string, unknown>[];
