import { it } from 'vitest';
import { openZmqReceiver, openZmqSender } from '@ringflow/io/zmq';
it('dbg', async () => {
  const sender = await openZmqSender('tcp://127.0.0.1:*', { highWaterMark: 4 });
  const a = await openZmqReceiver(sender.endpoint);
  for (let i = 0; i < 20; i++) await sender.send(new Float32Array(1000).fill(i));
  for (let i = 0; i < 20; i++) await a.receive();
  a.close();
  const sends = [];
  for (let i = 20; i < 60; i++) sends.push(sender.send(new Float32Array(1000).fill(i)));
  for (let k = 0; k < 10; k++) { await new Promise((r) => setTimeout(r, 100)); console.log(JSON.stringify(sender.stats)); }
  const b = await openZmqReceiver(sender.endpoint);
  for (let i = 20; i < 60; i++) { const c = await Promise.race([b.receive(), new Promise((r) => setTimeout(() => r('timeout'), 2000))]); if (c === 'timeout') { console.log('timeout at', i); break; } console.log('got', (c as Float32Array)[0]); }
  console.log(JSON.stringify(sender.stats));
}, 30000);
