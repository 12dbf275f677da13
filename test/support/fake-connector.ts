import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the connector. */
export interface ConnectorCall {
  method: string;
  conversationId: string;
  /** The activity replied to or updated, when the URL names one. */
  activityId?: string;
  kind: 'send' | 'reply' | 'update' | 'create-conversation' | 'other';
  /** The id the connector gave the new message (what the bot later updates it by). */
  assignedId?: string;
  body: Record<string, unknown>;
  at: number;
}

/**
 * Stands in for the Bot Connector service Teams gives the bot (`serviceUrl`): records every activity the bot sends
 * or updates, over real HTTP on 127.0.0.1.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Calls answered with a forced failure. */
  readonly rejected: (ConnectorCall & { status: number })[] = [];
  private server: Server | undefined;
  private waiters: { predicate: (c: ConnectorCall) => boolean; resolve: (c: ConnectorCall) => void }[] = [];
  private seq = 0;
  private readonly faults: {
    match: (c: ConnectorCall) => boolean;
    status: number;
    headers: Record<string, string>;
    remaining: number;
  }[] = [];
  url = '';

  /** Answers the next `times` matching calls with `status` (and headers, e.g. Retry-After) instead of accepting them. */
  fail(
    match: (c: ConnectorCall) => boolean,
    status: number,
    options: { times?: number; headers?: Record<string, string> } = {},
  ): void {
    this.faults.push({ match, status, headers: options.headers ?? {}, remaining: options.times ?? Infinity });
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        (reply) => {
          res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
          res.end(JSON.stringify(reply.body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  clear(): void {
    this.calls.length = 0;
    this.rejected.length = 0;
    this.faults.length = 0;
  }

  /** Resolves with the first recorded call (past or future) matching the predicate. */
  waitFor(predicate: (c: ConnectorCall) => boolean, timeoutMs = 10_000): Promise<ConnectorCall> {
    const found = this.calls.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`no matching connector call within ${timeoutMs} ms; saw ${this.calls.length}`)),
        timeoutMs,
      );
      this.waiters.push({
        predicate,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    let call: ConnectorCall;
    if (parts[0] === 'v3' && parts[1] === 'conversations' && parts.length === 2 && req.method === 'POST') {
      // A new post in a channel, as Teams answers it: the thread is "<channel>;messageid=<post id>".
      const channel = (body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
      const postId = channel ? `act-${++this.seq}` : undefined;
      call = {
        method: 'POST',
        conversationId: channel && postId ? `${channel};messageid=${postId}` : `a:new-${++this.seq}`,
        kind: 'create-conversation',
        ...(postId ? { assignedId: postId } : {}),
        body,
        at: Date.now(),
      };
    } else if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
      const kind = req.method === 'PUT' ? 'update' : parts[4] ? 'reply' : 'send';
      call = {
        method: req.method ?? '',
        conversationId: parts[2] ?? '',
        ...(parts[4] ? { activityId: parts[4] } : {}),
        kind,
        body,
        at: Date.now(),
      };
    } else {
      call = { method: req.method ?? '', conversationId: '', kind: 'other', body, at: Date.now() };
    }
    const fault = this.faults.find((f) => f.remaining > 0 && f.match(call));
    if (fault) {
      fault.remaining--;
      this.rejected.push({ ...call, status: fault.status });
      return {
        status: fault.status,
        headers: fault.headers,
        body: { error: { code: 'Forced', message: `forced ${fault.status}` } },
      };
    }
    if (call.kind === 'send' || call.kind === 'reply') call.assignedId = `act-${++this.seq}`;
    this.calls.push(call);
    for (const w of [...this.waiters]) {
      if (w.predicate(call)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
    if (call.kind === 'create-conversation')
      return {
        status: 201,
        body: { id: call.conversationId, ...(call.assignedId ? { activityId: call.assignedId } : {}) },
      };
    return {
      status: 200,
      body: { id: call.kind === 'update' ? call.activityId : (call.assignedId ?? `act-${++this.seq}`) },
    };
  }
}

/** The first Adaptive Card attached to an activity the bot sent (or to the first post of a new conversation). */
export function cardOf(call: ConnectorCall): Record<string, unknown> | undefined {
  const activity =
    call.kind === 'create-conversation' ? ((call.body.activity ?? {}) as Record<string, unknown>) : call.body;
  const attachments = activity.attachments as
    { contentType?: string; content?: Record<string, unknown> }[] | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** Every text a card shows, flattened, for assertions that do not depend on layout. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title' || k === 'value') && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return out.join('\n');
}
