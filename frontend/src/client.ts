import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

export const GRAPHQL_PATH = '/graphql';

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${GRAPHQL_PATH}`;
}

let ws: WsClient | null = null;

/**
 * A browser WebSocket that hands graphql-ws every frame as text. graphql-transport-ws
 * messages are text frames, but the server currently sends its JSON as *binary* frames
 * (its `encode_json` returns bytes, and Strawberry then uses `send_bytes`); graphql-ws
 * would fail on those with "Message is missing the 'type' property". Binary frames are
 * decoded as UTF-8 here, text frames pass through unchanged.
 */
export function textFramesWebSocket(Base: typeof WebSocket = WebSocket): typeof WebSocket {
  const decoder = new TextDecoder();
  function TextFramesWebSocket(url: string | URL, protocols?: string | string[]): WebSocket {
    const socket = new Base(url, protocols);
    socket.binaryType = 'arraybuffer';
    let handler: ((this: WebSocket, ev: MessageEvent) => unknown) | null = null;
    socket.addEventListener('message', (ev: MessageEvent) => {
      if (!handler) return;
      const data = ev.data instanceof ArrayBuffer ? decoder.decode(ev.data) : ev.data;
      handler.call(socket, data === ev.data ? ev : new MessageEvent('message', { data }));
    });
    Object.defineProperty(socket, 'onmessage', {
      configurable: true,
      get: () => handler,
      set: (h: typeof handler) => {
        handler = h;
      },
    });
    return socket;
  }
  return Object.assign(TextFramesWebSocket, {
    CONNECTING: Base.CONNECTING,
    OPEN: Base.OPEN,
    CLOSING: Base.CLOSING,
    CLOSED: Base.CLOSED,
  }) as unknown as typeof WebSocket;
}

/** The websocket client (graphql-transport-ws); the session cookie rides on the upgrade request. */
export function wsClient(): WsClient {
  if (!ws) {
    ws = createWsClient({ url: wsUrl(), lazy: true, retryAttempts: 5, webSocketImpl: textFramesWebSocket() });
  }
  return ws;
}

export function makeClient(): Client {
  return new Client({
    url: GRAPHQL_PATH,
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { accept: 'application/graphql-response+json, application/json' },
    }),
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = wsClient().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}

/** After sign-in or sign-out the cached data belongs to someone else: start over. */
export function resetConnections(): void {
  if (ws) {
    void ws.dispose();
    ws = null;
  }
}
