/** Local planar projection around a centre (equirectangular; under 0.5 % error within 50 km). */

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQUATOR = 111.32;

export class LocalProjection {
  readonly kmPerDegLon: number;
  readonly kmPerDegLat = KM_PER_DEG_LAT;

  constructor(
    readonly lon0: number,
    readonly lat0: number,
  ) {
    this.kmPerDegLon = KM_PER_DEG_LON_EQUATOR * Math.cos((lat0 * Math.PI) / 180);
  }

  lon(x_km: number): number {
    return this.lon0 + x_km / this.kmPerDegLon;
  }

  lat(y_km: number): number {
    return this.lat0 + y_km / this.kmPerDegLat;
  }

  x_km(lon: number): number {
    return (lon - this.lon0) * this.kmPerDegLon;
  }

  y_km(lat: number): number {
    return (lat - this.lat0) * this.kmPerDegLat;
  }
}

/** Great-circle distance in km. */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = 6371.0088;
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** True when (lon, lat) lies inside bbox [west, south, east, north]. */
export function inBbox(bbox: readonly number[], lon: number, lat: number): boolean {
  return lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}

/** Stored coordinate units per degree: 1e-7 degree is about 1 cm. */
export const COORD_SCALE = 1e7;

/** Rounds degrees to 1e-7 (about 1 cm), the precision datasets store shapes at; never -0. */
export function quantizeDegrees(deg: number): number {
  // `+ 0` turns Math.round's -0 into 0, matching the Int32 the store keeps.
  return (Math.round(deg * COORD_SCALE) + 0) / COORD_SCALE;
}
