/** The base map's generalization steps on shapes small enough to check by hand. */
import test from 'ava';
import type { BBox, FeatureCollection, Position } from 'geojson';
import { clipLayers, generalize, roundLayers, type BaseMapLayers } from '../../scripts/base-map/generalize.ts';

const square = (west: number, south: number, size: number): Position[][] => [
  [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]],
];
const polygons = (...rings: Position[][][]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: rings.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } })),
});
const lines = (...paths: Position[][]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: paths.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } })),
});
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const WORLD: BBox = [-180, -90, 180, 90];

test('the border two provinces share is drawn once, and their coasts not at all', (t) => {
  const layers = generalize({ land: empty, lakes: empty, rivers: empty, provinces: polygons(square(0, 0, 1), square(1, 0, 1)) }, WORLD, 0);
  const points = layers.provinces.coordinates.flat().map(([x, y]) => `${x},${y}`).sort();
  t.deepEqual(points, ['1,0', '1,1']);
});

test('shapes are cut at the box, and what lies outside it is gone', (t) => {
  const layers = generalize({ land: polygons(square(0, 0, 10)), lakes: polygons(square(20, 20, 1)), rivers: lines([[-5, 5], [5, 5]]), provinces: empty }, [0, 0, 4, 4], 0);
  t.deepEqual(layers.lakes.coordinates, []);
  t.true(layers.land.coordinates.flat(2).every(([x, y]) => x! >= 0 && x! <= 4 && y! >= 0 && y! <= 4));
  t.deepEqual(layers.rivers.coordinates, [], 'the river runs at y 5, above the box');
});

test('simplification removes the vertices that a pixel cannot show, and keeps the shape', (t) => {
  const wiggly: Position[] = [[0, 0], [1, 0.0001], [2, 0], [3, 0.0001], [4, 0], [4, 4], [0, 4], [0, 0]];
  const layers = generalize({ land: polygons([wiggly]), lakes: empty, rivers: empty, provinces: empty }, WORLD, 1e-3);
  t.deepEqual(layers.land.coordinates[0]![0]!.length, 5, 'a square again: four corners and the closing point');
});

test('a cell keeps only its part of each layer, and an empty cell is none', (t) => {
  const layers: BaseMapLayers = {
    land: { type: 'MultiPolygon', coordinates: [square(0, 0, 8)] },
    lakes: { type: 'MultiPolygon', coordinates: [] },
    rivers: { type: 'MultiLineString', coordinates: [[[0, 1], [8, 1]]] },
    provinces: { type: 'MultiLineString', coordinates: [] },
  };
  const cell = clipLayers(layers, [4, 0, 8, 4])!;
  t.deepEqual(cell.rivers.coordinates, [[[4, 1], [8, 1]]]);
  t.true(cell.land.coordinates.flat(2).every(([x]) => x! >= 4));
  t.is(clipLayers(layers, [20, 20, 24, 24]), undefined);
});

test('rounding drops the points it makes equal, and the lines and rings it collapses', (t) => {
  const layers: BaseMapLayers = {
    land: { type: 'MultiPolygon', coordinates: [[[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]]], square(0, 0, 1)] },
    lakes: { type: 'MultiPolygon', coordinates: [] },
    rivers: { type: 'MultiLineString', coordinates: [[[0.111, 0.111], [0.112, 0.112], [0.5, 0.5]], [[0.001, 0.001], [0.002, 0.002]]] },
    provinces: { type: 'MultiLineString', coordinates: [] },
  };
  const rounded = roundLayers(layers, 2);
  t.deepEqual(rounded.rivers.coordinates, [[[0.11, 0.11], [0.5, 0.5]]]);
  t.deepEqual(rounded.land.coordinates, [square(0, 0, 1)], 'the tiny triangle collapsed');
});
