import { describe, expect, it } from 'vitest';
import { textFramesWebSocket } from '../src/client';

class FakeSocket extends EventTarget {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  binaryType = 'blob';
  constructor(public url: string, public protocols?: string | string[]) {
    super();
  }
}

describe('textFramesWebSocket', () => {
  it('hands graphql-ws binary frames as text and keeps the constants', () => {
    const Impl = textFramesWebSocket(FakeSocket as unknown as typeof WebSocket);
    expect(Impl.OPEN).toBe(1);
    const s = new Impl('ws://x/graphql', 'graphql-transport-ws') as unknown as FakeSocket & WebSocket;
    expect(s.binaryType).toBe('arraybuffer');
    const got: unknown[] = [];
    s.onmessage = (ev) => got.push(ev.data);
    s.dispatchEvent(new MessageEvent('message', { data: new TextEncoder().encode('{"type":"connection_ack"}').buffer }));
    s.dispatchEvent(new MessageEvent('message', { data: '{"type":"ping"}' }));
    expect(got).toEqual(['{"type":"connection_ack"}', '{"type":"ping"}']);
  });
});
