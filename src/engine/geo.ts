// Great-circle distance between two points on Earth, for the in-person distance limit.

/** Mean Earth radius in kilometres (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Haversine distance in kilometres between two latitude/longitude points given in degrees; `NaN` unless all are numbers. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  if (typeof lat1 !== 'number' || typeof lng1 !== 'number' || typeof lat2 !== 'number' || typeof lng2 !== 'number')
    return NaN;
  return haversineRad(lat1 * RAD, lng1 * RAD, Math.cos(lat1 * RAD), lat2 * RAD, lng2 * RAD, Math.cos(lat2 * RAD));
}

/** The same with radians and precomputed cosines: the ranker's hot loop calls this. */
export function haversineRad(
  lat1: number,
  lng1: number,
  cosLat1: number,
  lat2: number,
  lng2: number,
  cosLat2: number,
): number {
  const sinLat = Math.sin((lat2 - lat1) / 2);
  const sinLng = Math.sin((lng2 - lng1) / 2);
  const a = sinLat * sinLat + cosLat1 * cosLat2 * sinLng * sinLng;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a < 1 ? a : 1));
}

export const DEGREES_TO_RADIANS = RAD;
