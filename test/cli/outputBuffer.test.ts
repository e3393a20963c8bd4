// How program output is batched on its way to a terminal, a pipe, or the editor's output channel.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OutputBuffer, type StreamName } from '../../src/host/outputBuffer';

function recorder() {
  const flushes: [StreamName, string][] = [];
  return { flushes, sink: (stream: StreamName, text: string) => flushes.push([stream, text]) };
}

describe('OutputBuffer', () => {
  test('keeps stdout and stderr in the order they were written', () => {
    const r = recorder();
    const out = new OutputBuffer(r.sink);
    out.write('stdout', 'a');
    out.write('stdout', 'b\n');
    out.write('stderr', 'oops\n');
    out.write('stdout', 'c\n');
    out.flush();
    assert.deepEqual(r.flushes, [['stdout', 'ab\n'], ['stderr', 'oops\n'], ['stdout', 'c\n']]);
  });

  test('block-buffered (a pipe): holds output until maxChars', () => {
    const r = recorder();
    const out = new OutputBuffer(r.sink, { maxChars: 10, maxDelayMs: 60_000 });
    for (const ch of 'abcdefghijklmno') out.write('stdout', ch);
    assert.deepEqual(r.flushes, [['stdout', 'abcdefghij']]);
    out.flush();
    assert.deepEqual(r.flushes[1], ['stdout', 'klmno']);
  });

  test('line-buffered: a print made of several writes goes out as one line, at once', () => {
    const r = recorder();
    const out = new OutputBuffer(r.sink, { lineBuffered: true, maxDelayMs: 60_000 });
    for (const part of ['epoch', ' ', '1', ' ', '0.25', '\n']) out.write('stdout', part);
    assert.deepEqual(r.flushes, [['stdout', 'epoch 1 0.25\n']]);
    out.write('stdout', 'x shape (100, 784)\n');
    out.write('stdout', 't shape (100, 10)\n');
    assert.equal(r.flushes.length, 3, 'a few lines in a row each show up before a long computation');
  });

  test('line-buffered: a flood of lines is batched, and nothing is lost', () => {
    const r = recorder();
    const out = new OutputBuffer(r.sink, { lineBuffered: true, burstLines: 50, linesPerSecond: 100, maxDelayMs: 60_000 });
    for (let i = 0; i < 100_000; i++) {
      out.write('stdout', String(i));
      out.write('stdout', '\n');
    }
    out.flush();
    assert.ok(r.flushes.length < 200, `${r.flushes.length} flushes`);
    const text = r.flushes.map(([, t]) => t).join('');
    assert.equal(text.split('\n').length, 100_001);
    assert.ok(text.endsWith('99999\n'));
  });
});
