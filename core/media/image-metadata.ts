/**
 * What the camera recorded, reduced to what the archive uses. Kept in the media table (private);
 * only the capture date and credits reach public pages, and none of it reaches a derivative.
 */
export interface ImageMetadata {
  /** Local camera time as written, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (plus an offset if recorded). */
  captureDate?: string;
  gps?: { lat: number; lon: number };
  /** EXIF orientation 1–8 of the original (derivatives are upright whatever it says). */
  orientation?: number;
  /** Make and model, never a serial number. */
  camera?: string;
  headline?: string;
  caption?: string;
  creator?: string;
  copyright?: string;
  credit?: string;
}
