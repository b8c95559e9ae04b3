/** `/health` once the check of the catalog's pages started with the app has finished (it says `pending` meanwhile, never waits). */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Express } from 'express';
import request from 'supertest';

export async function settledHealth(app: Express, attempts = 200): Promise<request.Response> {
  let response = await request(app).get('/health');
  for (let attempt = 0; attempt < attempts && response.body.catalogCheck === 'pending'; attempt++) {
    await sleep(50);
    response = await request(app).get('/health');
  }
  return response;
}
