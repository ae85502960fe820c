import { from, toArray, lastValueFrom } from 'rxjs';
import { offload } from '@ringflow/workers';

const chunks = [new Float32Array([1, 2, 3]), new Float32Array([4])];
const out = await lastValueFrom(from(chunks).pipe(offload(new URL('./stage.mjs', import.meta.url)), toArray()));
console.log(JSON.stringify({ out: out.map((c) => Array.from(c)) }));
