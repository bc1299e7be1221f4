/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date (isoformat) */
  Date: { input: any; output: any; }
  /** Date with time (isoformat) */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** Represents a file upload. */
  Upload: { input: any; output: any; }
};

/** The roles and scopes of the API (contract section 3). */
export type AccessModel = {
  __typename?: 'AccessModel';
  /** Every role, from most to least. */
  roles: Array<RoleDefinition>;
  /** Every scope, grouped by resource. */
  scopes: Array<ScopeDefinition>;
};

/** Activity in one day or week. */
export type ActivityBucket = {
  __typename?: 'ActivityBucket';
  /** Members with an attempt closed in it. */
  activeMembers: Scalars['Int']['output'];
  /** Attempts closed in it. */
  attempts: Scalars['Int']['output'];
  /** Mean percentage of those attempts. */
  averagePercentage: Maybe<Scalars['Float']['output']>;
  /** Its first day (a week starts on Monday), UTC. */
  start: Scalars['Date']['output'];
};

/** What kind of credential made the call. */
export type ActorKind =
  | 'ANONYMOUS'
  | 'API_KEY'
  | 'MEMBER'
  | 'PLATFORM_ADMIN';

/** A new member of the viewer's organization. */
export type AddMemberInput = {
  /** 1-200 characters. */
  displayName: Scalars['String']['input'];
  /** The initial password, 10-256 characters. */
  password: Scalars['String']['input'];
  /** Only an owner may add an owner. */
  role: Role;
  /** 3-64 characters: a-z, 0-9, '.', '_', '-'. */
  username: Scalars['String']['input'];
};

export type AddMemberPayload = {
  __typename?: 'AddMemberPayload';
  member: Member;
};

/** How figures over time are grouped. */
export type AnalyticsInterval =
  | 'DAY'
  | 'WEEK';

/** An answer to one question; fill the field of its kind. */
export type AnswerInput = {
  /** NUMERIC: the number. */
  number?: InputMaybe<Scalars['Float']['input']>;
  /** The question's id. */
  questionId: Scalars['ID']['input'];
  /** Choice kinds: the chosen options' ids (at most 50). */
  selectedOptionIds?: Array<Scalars['ID']['input']>;
  /** SHORT_ANSWER (or NUMERIC as text), up to 1000. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** When a member's closed attempts show the right answers and explanations (authors always see them). NEVER. AFTER_LAST_ATTEMPT (the default): once the member can't add an answer that counts: no attempts left and none open, or the quiz closed or archived. AFTER_CLOSE: once the quiz's closing time has passed. AFTER_SUBMIT: right after each attempt, even when the member may retake the quiz and copy them. */
export type AnswerReveal =
  | 'AFTER_CLOSE'
  | 'AFTER_LAST_ATTEMPT'
  | 'AFTER_SUBMIT'
  | 'NEVER';

/** A credential a partner sends as `Authorization: Bearer iq_live_…`. Its secret is shown once, when it is created or rotated, and never again. */
export type ApiKey = Node & {
  __typename?: 'ApiKey';
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The member who created the key; null once they are removed. */
  createdBy: Maybe<Member>;
  /** A disabled key is refused until re-enabled. */
  enabled: Scalars['Boolean']['output'];
  /** When the key stops working by itself; null if never. */
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** When the key was last used, to within a minute; null if never. */
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  /** What the key is for, such as the partner's name. */
  name: Scalars['String']['output'];
  /** The secret's first 16 characters (iq_live_ and 8 hex), to recognise it. */
  prefix: Scalars['String']['output'];
  /** Requests allowed per minute. */
  rateLimitPerMinute: Scalars['Int']['output'];
  /** When the key was revoked, or, after a rotation, when it will be; null while it is live. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** The scopes the key carries; at each use they are narrowed to what its creator's current role grants. */
  scopes: Array<Scalars['String']['output']>;
};

/** A page of results with Relay cursors. */
export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  /** Contains the nodes in this connection */
  edges: Array<ApiKeyEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: ApiKey;
};

/** One member's go at a quiz. */
export type Attempt = Node & {
  __typename?: 'Attempt';
  /** When it was submitted or expired. */
  closedAt: Maybe<Scalars['DateTime']['output']>;
  /** Answers submitted after this (plus a few seconds of grace) don't count. */
  deadline: Maybe<Scalars['DateTime']['output']>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** Points available. */
  maxScore: Scalars['Float']['output'];
  /** 1 for the member's first attempt, and so on. */
  number: Scalars['Int']['output'];
  /** Who takes or took it. */
  participant: Maybe<Participant>;
  /** Null without a pass mark or until closed. */
  passed: Maybe<Scalars['Boolean']['output']>;
  /** Score as 0-100; null until closed. */
  percentage: Maybe<Scalars['Float']['output']>;
  /** The questions in this attempt's own, stable order. */
  questions: Array<Question>;
  /** The quiz; null when the viewer may no longer see it. */
  quiz: Maybe<Quiz>;
  /** The quiz's title, even when the quiz is no longer listed. */
  quizTitle: Scalars['String']['output'];
  /** The quiz version it was taken on. */
  quizVersion: Scalars['Int']['output'];
  /** Per question results; null while in progress. */
  results: Maybe<Array<QuestionResult>>;
  /** Points earned; null while in progress. */
  score: Maybe<Scalars['Float']['output']>;
  /** When it started. */
  startedAt: Scalars['DateTime']['output'];
  /** Where the attempt is. */
  status: AttemptStatus;
};

/** Answers of an attempt; later answers to a question replace earlier. */
export type AttemptAnswersInput = {
  /** At most 1000, one per question. */
  answers?: Array<AnswerInput>;
  /** Your attempt's id. */
  attemptId: Scalars['ID']['input'];
};

/** A page of results with Relay cursors. */
export type AttemptConnection = {
  __typename?: 'AttemptConnection';
  /** Contains the nodes in this connection */
  edges: Array<AttemptEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type AttemptEdge = {
  __typename?: 'AttemptEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Attempt;
};

/** An attempt's integrity record: the counts the org's rules judge, whether it is flagged and its review, and its events in order (the attempt's quiz log). */
export type AttemptIntegrity = Node & {
  __typename?: 'AttemptIntegrity';
  /** The attempt itself; null without attempts:read. */
  attempt: Maybe<Attempt>;
  /** The attempt's id. */
  attemptId: Scalars['ID']['output'];
  /** Times many answers changed at once. */
  bulkAnswerChanges: Scalars['Int']['output'];
  /** Copies and pastes. */
  clipboardEvents: Scalars['Int']['output'];
  /** Devices (signed-in sessions) seen answering. */
  deviceCount: Scalars['Int']['output'];
  /** Events recorded. */
  eventCount: Scalars['Int']['output'];
  /** The rules the attempt broke when it was flagged. */
  flagReasons: Array<IntegrityFlagReason>;
  /** Whether a rule flagged the attempt. */
  flagged: Scalars['Boolean']['output'];
  /** When it was flagged. */
  flaggedAt: Maybe<Scalars['DateTime']['output']>;
  /** Times full screen was left. */
  fullscreenExits: Scalars['Int']['output'];
  /** Seconds the page was hidden in total (counted when it is shown again). */
  hiddenSeconds: Scalars['Float']['output'];
  /** While the page is hidden (no PAGE_SHOWN yet): since when, by the client's clock; null while it is shown. */
  hiddenSince: Maybe<Scalars['DateTime']['output']>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** IP addresses seen answering. */
  ipAddressCount: Scalars['Int']['output'];
  /** When the latest was recorded. */
  lastEventAt: Maybe<Scalars['DateTime']['output']>;
  /** Times the quiz page was hidden. */
  pageSwitches: Scalars['Int']['output'];
  /** Whose attempt it is. */
  participant: Maybe<Participant>;
  /** The quiz's id. */
  quizId: Scalars['ID']['output'];
  /** The quiz's title. */
  quizTitle: Maybe<Scalars['String']['output']>;
  /** The review; null until a member reviews the flag. */
  review: Maybe<IntegrityReview>;
  /** The attempt's events in the order they happened (by the client's clock), as a quiz log shows them. */
  timeline: IntegrityEventConnection;
};


/** An attempt's integrity record: the counts the org's rules judge, whether it is flagged and its review, and its events in order (the attempt's quiz log). */
export type AttemptIntegrityTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of results with Relay cursors. */
export type AttemptIntegrityConnection = {
  __typename?: 'AttemptIntegrityConnection';
  /** Contains the nodes in this connection */
  edges: Array<AttemptIntegrityEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type AttemptIntegrityEdge = {
  __typename?: 'AttemptIntegrityEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: AttemptIntegrity;
};

export type AttemptPayload = {
  __typename?: 'AttemptPayload';
  attempt: Attempt;
};

/** IN_PROGRESS; SUBMITTED by its owner; or EXPIRED: closed at its deadline. */
export type AttemptStatus =
  | 'EXPIRED'
  | 'IN_PROGRESS'
  | 'SUBMITTED';

/** An action the audit log records, with its label and area. */
export type AuditAction = {
  __typename?: 'AuditAction';
  /** The action, as `AuditEvent.action` names it. */
  action: Scalars['String']['output'];
  /** The part before the dot, e.g. `api_key`. */
  area: Scalars['String']['output'];
  /** The area as a heading, e.g. `API keys`. */
  areaLabel: Scalars['String']['output'];
  /** In words, e.g. `Key disabled`. */
  label: Scalars['String']['output'];
};

/** One change made through the API. Append-only. */
export type AuditEvent = Node & {
  __typename?: 'AuditEvent';
  /** What happened, such as member.added. */
  action: Scalars['String']['output'];
  /** The action's label and area, null for an unknown action. */
  actionInfo: Maybe<AuditAction>;
  /** The acting member's or key's id. */
  actorId: Maybe<Scalars['String']['output']>;
  /** MEMBER, API_KEY, PLATFORM_ADMIN, or CLI (a quizgraph command run on the server, with no actorId). */
  actorKind: Scalars['String']['output'];
  /** Who: a username, an API key prefix, or quizgraph CLI. */
  actorLabel: Scalars['String']['output'];
  /** When it happened. */
  createdAt: Scalars['DateTime']['output'];
  /** What changed, as a JSON object. */
  details: Scalars['JSON']['output'];
  /** This event's chain hash. */
  hash: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** The client's IP address. Personal data: null unless you are signed in as an owner or admin of the org (teachers and API keys read the rest of the event, not this). */
  ip: Maybe<Scalars['String']['output']>;
  /** Position in the org's hash chain, from 1. */
  seq: Scalars['Int']['output'];
  /** The changed object's id. */
  targetId: Maybe<Scalars['String']['output']>;
  /** What was changed, by name: the key's prefix and name (`iq_live_3f2a1b2c… (Nightly sync)`), the member's username, the quiz's title, the endpoint's URL; for an attempt, its quiz's title. From the event's details (names as they were then), else the object as it is now. Null when there is no target or it is gone. */
  targetLabel: Maybe<Scalars['String']['output']>;
  /** The changed object's global id (for `node(id:)` and links), null when the target is not a node. */
  targetNodeId: Maybe<Scalars['ID']['output']>;
  /** The kind of object changed. */
  targetType: Maybe<Scalars['String']['output']>;
  /** The client's user agent. Personal data: null unless you are signed in as an owner or admin of the org (teachers and API keys read the rest of the event, not this). */
  userAgent: Maybe<Scalars['String']['output']>;
};

/** A page of results with Relay cursors. */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** Contains the nodes in this connection */
  edges: Array<AuditEventEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: AuditEvent;
};

/** An option with its correctness, for quiz authors. */
export type AuthoredOption = {
  __typename?: 'AuthoredOption';
  /** Whether choosing it is right. */
  correct: Scalars['Boolean']['output'];
  /** The option's id. */
  id: Scalars['ID']['output'];
  /** The option's text. */
  text: Scalars['String']['output'];
};

/** A question with its answer and explanation, for quiz authors. */
export type AuthoredQuestion = {
  __typename?: 'AuthoredQuestion';
  /** SHORT_ANSWER: right answers. */
  acceptedAnswers: Array<Scalars['String']['output']>;
  /** Shown after submission, if at all. */
  explanation: Maybe<Scalars['String']['output']>;
  /** The question's id. */
  id: Scalars['ID']['output'];
  /** How it is answered and scored. */
  kind: QuestionKind;
  /** Position in the quiz, from 1. */
  number: Scalars['Int']['output'];
  /** NUMERIC: allowed difference. */
  numericTolerance: Scalars['Float']['output'];
  /** NUMERIC: the right value. */
  numericValue: Maybe<Scalars['Float']['output']>;
  /** The options with their correctness. */
  options: Array<AuthoredOption>;
  /** Points for a fully right answer. */
  points: Scalars['Float']['output'];
  /** The question's text. */
  prompt: Scalars['String']['output'];
};

/** A platform admin's username and password (step 1 of 2). */
export type BeginPlatformLoginInput = {
  /** Their password. */
  password: Scalars['String']['input'];
  /** The platform admin's username. */
  username: Scalars['String']['input'];
};

export type BeginPlatformLoginPayload = {
  __typename?: 'BeginPlatformLoginPayload';
  /** Present until a second factor is set up: add it to an authenticator app, then send its code. Never shown again once a code is accepted. */
  enrolment: Maybe<TotpEnrolment>;
  /** Send it with a code to completePlatformLogin within 5 minutes. */
  ticket: Scalars['String']['output'];
};

/** How an organization's portal looks. */
export type Branding = {
  __typename?: 'Branding';
  /** Address of the logo image: an https:// address, or a path on this server (/orgs/<slug>/logo?v=…) for an uploaded logo. */
  logoUrl: Maybe<Scalars['String']['output']>;
  /** Hex colour such as #1d4ed8. */
  primaryColor: Maybe<Scalars['String']['output']>;
  /** A line shown under the name. */
  tagline: Maybe<Scalars['String']['output']>;
};

/** A certificate: proof that a member passed a quiz or placed in a tournament, verified by anyone at its verificationUrl (no sign-in) and downloadable as a PDF. */
export type Certificate = Node & {
  __typename?: 'Certificate';
  /** The attempt that passed it (QUIZ); null once that attempt is gone. */
  attemptId: Maybe<Scalars['ID']['output']>;
  /** The public verification code, as printed (groups of four, e.g. 7Q2M-K9XD-4HVA-RT0C); any spelling with other separators or case verifies too. */
  code: Scalars['String']['output'];
  /** The holder as a member now (null once removed). */
  holder: Maybe<Participant>;
  /** The holder's display name when it was issued (as printed on it). */
  holderName: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** When it was issued. */
  issuedAt: Scalars['DateTime']['output'];
  /** What earned it. */
  kind: CertificateKind;
  /** Out of (QUIZ). */
  maxScore: Maybe<Scalars['Float']['output']>;
  /** The holder (null once the member was removed; the certificate stays). */
  memberId: Maybe<Scalars['ID']['output']>;
  /** The certificate as a PDF (public, like the page). */
  pdfUrl: Scalars['String']['output'];
  /** The score in percent (QUIZ). */
  percentage: Maybe<Scalars['Float']['output']>;
  /** The quiz passed (QUIZ). */
  quizId: Maybe<Scalars['ID']['output']>;
  /** The place in the tournament, 1 = first. */
  rank: Maybe<Scalars['Int']['output']>;
  /** Why it was revoked: to staff, and to its holder when the reason is public. */
  revocationReason: Maybe<Scalars['String']['output']>;
  /** Whether the public verification page shows the revocation's reason. */
  revocationReasonPublic: Scalars['Boolean']['output'];
  /** When staff revoked it; null while it is valid. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** The points scored. */
  score: Maybe<Scalars['Float']['output']>;
  /** What was achieved: the quiz's or tournament's title when it was issued. */
  title: Scalars['String']['output'];
  /** The tournament (TOURNAMENT). */
  tournamentId: Maybe<Scalars['ID']['output']>;
  /** Whether it is valid (not revoked). */
  valid: Scalars['Boolean']['output'];
  /** The public verification page's path on this server. */
  verificationPath: Scalars['String']['output'];
  /** The public verification page's address (the server's configured public address, else the one this request came to). */
  verificationUrl: Scalars['String']['output'];
};

/** A page of results with Relay cursors. */
export type CertificateConnection = {
  __typename?: 'CertificateConnection';
  /** Contains the nodes in this connection */
  edges: Array<CertificateEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type CertificateEdge = {
  __typename?: 'CertificateEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Certificate;
};

/** QUIZ: passed a quiz that issues certificates. TOURNAMENT: finished a tournament in its top places. */
export type CertificateKind =
  | 'QUIZ'
  | 'TOURNAMENT';

/** The code from the authenticator app (step 2 of 2). */
export type CompletePlatformLoginInput = {
  /** The 6-digit code the app shows now. */
  code: Scalars['String']['input'];
  /** From beginPlatformLogin. */
  ticket: Scalars['String']['input'];
};

export type CompletePlatformLoginPayload = {
  __typename?: 'CompletePlatformLoginPayload';
  /** Who is signed in to the console now. */
  username: Scalars['String']['output'];
};

/** A new API key for the viewer's organization. */
export type CreateApiKeyInput = {
  /** When the key stops working by itself (in the future); never when left out. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** 1-100 characters, such as the partner's name. */
  name: Scalars['String']['input'];
  /** Requests per minute, 1-10000; when left out, the org's default (Organization.settings; 600 unless its owner changed it). */
  rateLimitPerMinute?: InputMaybe<Scalars['Int']['input']>;
  /** 1-24 scopes such as quizzes:read, each one the creator holds; org:write and api_keys:* are never granted to a key. */
  scopes: Array<Scalars['String']['input']>;
};

export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  apiKey: ApiKey;
  /** The full key (iq_live_ and 40 hex characters). Shown only in this payload: store it now. */
  secret: Scalars['String']['output'];
};

/** A new organization and its first owner. */
export type CreateOrganizationInput = {
  /** The display name, up to 200 characters. */
  name: Scalars['String']['input'];
  /** The owner's display name (the username when left out). */
  ownerDisplayName?: InputMaybe<Scalars['String']['input']>;
  /** The owner's first password; generated (and returned once) when left out. */
  ownerPassword?: InputMaybe<Scalars['String']['input']>;
  /** The first owner's username. */
  ownerUsername: Scalars['String']['input'];
  /** The org's portal code; generated when left out. */
  portalCode?: InputMaybe<Scalars['String']['input']>;
  /** 1-63 characters of a-z, 0-9 and '-'. */
  slug: Scalars['String']['input'];
};

export type CreateOrganizationPayload = {
  __typename?: 'CreateOrganizationPayload';
  organization: Organization;
  /** The owner's first password, shown this once to hand over (stored hashed). */
  ownerPassword: Scalars['String']['output'];
  /** The owner's username. */
  ownerUsername: Scalars['String']['output'];
  /** The portal code, shown this once (it is stored hashed). */
  portalCode: Scalars['String']['output'];
};

/** A new platform key. */
export type CreatePlatformApiKeyInput = {
  /** The key reaches every org (instead of organizations). */
  allOrganizations?: Scalars['Boolean']['input'];
  /** When it stops by itself; never when left out. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** 1-100 characters: what the key is for. */
  name: Scalars['String']['input'];
  /** The slugs (1-100) of the orgs the key reaches; see allOrganizations. */
  organizations?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Requests per minute, 1 to 10000. */
  rateLimitPerMinute?: Scalars['Int']['input'];
  /** Scopes grantable to keys (org:write, api_keys:* and the platform's own never are). */
  scopes: Array<Scalars['String']['input']>;
};

/** A new quiz, saved as a draft. */
export type CreateQuizInput = {
  /** Per member, 1-1000. Null for none. */
  attemptsAllowed?: InputMaybe<Scalars['Int']['input']>;
  /** Whether passing (reaching passMarkPercent, which it then needs) earns the member a certificate, once per member; from the next pass on. */
  certificateOnPass?: Scalars['Boolean']['input'];
  /** End, exclusive. */
  closesAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Up to 10000 chars. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** First moment. */
  opensAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** 0-100. Null for none. */
  passMarkPercent?: InputMaybe<Scalars['Float']['input']>;
  /** The questions in order, at most 1000. */
  questions?: Array<QuestionInput>;
  /** When members see the right answers and explanations of their closed attempts. Null or left out: AFTER_LAST_ATTEMPT. */
  revealAnswers?: InputMaybe<AnswerReveal>;
  /**
   * True: AFTER_LAST_ATTEMPT; false: NEVER. Don't send it with revealAnswers.
   * @deprecated Use revealAnswers (answers shown after every submit let retakes copy them).
   */
  revealAnswersAfterSubmit?: InputMaybe<Scalars['Boolean']['input']>;
  /** Per attempt. */
  shuffleOptions?: Scalars['Boolean']['input'];
  /** Per attempt. */
  shuffleQuestions?: Scalars['Boolean']['input'];
  /** Per attempt, 1 s to 7 days. Null for none. */
  timeLimitSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** 1-200 characters. */
  title: Scalars['String']['input'];
};

/** A new webhook endpoint. */
export type CreateWebhookInput = {
  /** Platform staff only: the endpoint receives the events of every org. */
  allOrganizations?: Scalars['Boolean']['input'];
  /** Up to 500 characters. */
  description?: Scalars['String']['input'];
  /** false to create it switched off. */
  enabled?: Scalars['Boolean']['input'];
  /** Event names (quiz.created, quiz.completed, user.registered, user.scored, leaderboard.updated, certificate.issued, tournament.started, tournament.ended, payment.received); empty (or left out) means every event. */
  events?: Array<Scalars['String']['input']>;
  /** Platform staff only: the slugs (1-100) of the orgs whose events the endpoint receives; see allOrganizations. */
  organizations?: InputMaybe<Array<Scalars['String']['input']>>;
  /** https:// URL (http only to hosts the operator allows); its host may not resolve to a loopback, private, link-local or reserved address. */
  url: Scalars['String']['input'];
};

export type CreateWebhookPayload = {
  __typename?: 'CreateWebhookPayload';
  /** The signing secret (whsec_ and base64). Shown only in this payload: store it now; verify deliveries with it (any Standard Webhooks library). */
  secret: Scalars['String']['output'];
  webhook: Webhook;
};

/** The endpoint to delete, with its delivery log. */
export type DeleteWebhookInput = {
  /** The endpoint's id. */
  id: Scalars['ID']['input'];
};

export type DeleteWebhookPayload = {
  __typename?: 'DeleteWebhookPayload';
  /** The deleted endpoint's id. */
  deletedId: Scalars['ID']['output'];
};

/** The quiz to copy. */
export type DuplicateQuizInput = {
  /** The quiz's id. */
  id: Scalars['ID']['input'];
  /** Default: 'Copy of ...'. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A part of an imported file that was not imported. */
export type ImportProblem = {
  __typename?: 'ImportProblem';
  /** 1-based line in the file, when known. */
  line: Maybe<Scalars['Int']['output']>;
  /** What was wrong, for the quiz author. */
  message: Scalars['String']['output'];
};

/** A quiz file: either an upload (GraphQL multipart request) or text, at most 5 MiB. Imported as a draft. */
export type ImportQuizInput = {
  /** The uploaded file. */
  file?: InputMaybe<Scalars['Upload']['input']>;
  /** Detected from the content and file name when left out. */
  format?: InputMaybe<QuizImportFormat>;
  /** Or the file's text. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Overrides the file's title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

export type ImportQuizPayload = {
  __typename?: 'ImportQuizPayload';
  /** The format the file was read as. */
  format: Maybe<QuizImportFormat>;
  /** How many questions were imported. */
  importedQuestions: Scalars['Int']['output'];
  /** Everything not imported, with line numbers (first 100). */
  problems: Array<ImportProblem>;
  /** The new draft; null if nothing was read. */
  quiz: Maybe<Quiz>;
};

/** One thing that happened during an attempt. */
export type IntegrityEvent = Node & {
  __typename?: 'IntegrityEvent';
  /** The attempt it belongs to. */
  attemptId: Scalars['ID']['output'];
  /** The event in words, as a quiz log shows it. */
  description: Scalars['String']['output'];
  /** What the client added (a small flat object); PAGE_SHOWN also has awaySeconds, how long the page was hidden. */
  details: Scalars['JSON']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** The client's IP address as the server saw it; null unless your role sees client details (owners and admins). */
  ipAddress: Maybe<Scalars['String']['output']>;
  /** Whose attempt it is. */
  memberId: Scalars['ID']['output'];
  /** When, by the client's clock (the server's for events it detected). */
  occurredAt: Scalars['DateTime']['output'];
  /** When the server received it. */
  recordedAt: Scalars['DateTime']['output'];
  /** What happened. */
  type: IntegrityEventType;
};

/** A page of results with Relay cursors. */
export type IntegrityEventConnection = {
  __typename?: 'IntegrityEventConnection';
  /** Contains the nodes in this connection */
  edges: Array<IntegrityEventEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type IntegrityEventEdge = {
  __typename?: 'IntegrityEventEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: IntegrityEvent;
};

/** What happened: PAGE_HIDDEN (the quiz's tab or window was hidden: a switch away), PAGE_SHOWN (shown again), FULLSCREEN_EXITED, COPY, PASTE, ANSWERS_BULK_CHANGED (many answers changed at once); detected by the server: NEW_IP_ADDRESS, NEW_DEVICE (a second address or signed-in session answering the same attempt). */
export type IntegrityEventType =
  | 'ANSWERS_BULK_CHANGED'
  | 'COPY'
  | 'FULLSCREEN_EXITED'
  | 'NEW_DEVICE'
  | 'NEW_IP_ADDRESS'
  | 'PAGE_HIDDEN'
  | 'PAGE_SHOWN'
  | 'PASTE';

/** Why an attempt was flagged. */
export type IntegrityFlagReason = {
  __typename?: 'IntegrityFlagReason';
  /** PAGE_SWITCHES, HIDDEN_TIME, IP_ADDRESSES, DEVICES, FULLSCREEN_EXITS, CLIPBOARD or BULK_ANSWER_CHANGES: the rule broken. */
  code: Scalars['String']['output'];
  /** The reason in words. */
  description: Scalars['String']['output'];
};

/** A flagged attempt's review by staff. */
export type IntegrityReview = {
  __typename?: 'IntegrityReview';
  /** The reviewer's note. */
  note: Maybe<Scalars['String']['output']>;
  /** CLEARED or CONFIRMED. */
  outcome: ReviewOutcome;
  /** When. */
  reviewedAt: Scalars['DateTime']['output'];
  /** The member who reviewed (null if removed since, or a key acted). */
  reviewerId: Maybe<Scalars['ID']['output']>;
};

/** The org's integrity rules: the most each count may reach without flagging the attempt (one more flags it); null means not checked. */
export type IntegrityRules = {
  __typename?: 'IntegrityRules';
  /** Times many answers may change at once (default: not checked). */
  maxBulkAnswerChanges: Maybe<Scalars['Int']['output']>;
  /** Copies and pastes (default: not checked). */
  maxClipboardEvents: Maybe<Scalars['Int']['output']>;
  /** Signed-in sessions that may answer one attempt (default: not checked). */
  maxDevices: Maybe<Scalars['Int']['output']>;
  /** Times full screen may be left (default: not checked). */
  maxFullscreenExits: Maybe<Scalars['Int']['output']>;
  /** Seconds the page may be hidden in total (default 60). */
  maxHiddenSeconds: Maybe<Scalars['Int']['output']>;
  /** IP addresses that may answer one attempt (default 1: a second flags). */
  maxIpAddresses: Maybe<Scalars['Int']['output']>;
  /** Times the quiz page may be hidden (default 3: the 4th flags). */
  maxPageSwitches: Maybe<Scalars['Int']['output']>;
};

/** Where a quiz's item analysis stands (it is computed in the background). */
export type ItemAnalysisStatus =
  | 'COMPUTING'
  | 'READY'
  | 'STALE';

/** A page of a leaderboard, best first (a Relay connection). */
export type LeaderboardConnection = {
  __typename?: 'LeaderboardConnection';
  /** The entries of this page. */
  edges: Array<LeaderboardEdge>;
  /** The viewer's own entry (for a key, its creator's), if any. */
  myRank: Maybe<LeaderboardEntry>;
  /** Pagination data. */
  pageInfo: PageInfo;
  /** How many members are on the board. */
  totalCount: Scalars['Int']['output'];
};

/** An entry of a leaderboard page with its cursor. */
export type LeaderboardEdge = {
  __typename?: 'LeaderboardEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: LeaderboardEntry;
};

/** One member's standing on a board. */
export type LeaderboardEntry = {
  __typename?: 'LeaderboardEntry';
  /** Attempts counted on this board. */
  attempts: Scalars['Int']['output'];
  /** The member's display name. */
  displayName: Scalars['String']['output'];
  /** The member's latest result. */
  lastActivityAt: Scalars['DateTime']['output'];
  /** The member's id. */
  memberId: Scalars['ID']['output'];
  /** 1 for the best; equal standings share a rank. */
  rank: Scalars['Int']['output'];
  /** Best score on the quiz; org-wide, the sum of best scores per quiz. */
  score: Scalars['Float']['output'];
  /** Time taken by the best attempt (quiz boards only). */
  timeTakenSeconds: Maybe<Scalars['Float']['output']>;
};

/** A leaderboard after a change. */
export type LeaderboardUpdate = {
  __typename?: 'LeaderboardUpdate';
  /** The entry whose change caused this message; null in the first message. */
  changed: Maybe<LeaderboardEntry>;
  /** The top N, best first. */
  entries: Array<LeaderboardEntry>;
  /** The quiz; null for org-wide. */
  quizId: Maybe<Scalars['ID']['output']>;
};

/** Which results count. */
export type LeaderboardWindow =
  | 'ALL_TIME'
  | 'LAST_7_DAYS'
  | 'LAST_30_DAYS';

/** Sign in on an organization's portal. */
export type LoginInput = {
  /** The organization's slug. */
  orgSlug: Scalars['String']['input'];
  /** Your password. */
  password: Scalars['String']['input'];
  /** The organization's portal code. */
  portalCode: Scalars['String']['input'];
  /** Your username. */
  username: Scalars['String']['input'];
};

export type LoginPayload = {
  __typename?: 'LoginPayload';
  /** Who you are now. */
  viewer: Viewer;
};

/** No fields: ends the current session. */
export type LogoutInput = {
  /** Echoed back, for clients that track requests. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
};

export type LogoutPayload = {
  __typename?: 'LogoutPayload';
  /** True when a session was ended. */
  ok: Scalars['Boolean']['output'];
};

/** Which notifications to mark read: ids, or all: true. */
export type MarkNotificationsReadInput = {
  /** true marks every notification you can see as read. */
  all?: Scalars['Boolean']['input'];
  /** 1 to 100 notifications you can see (otherwise NOT_FOUND and nothing changes). Leave out with all: true. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type MarkNotificationsReadPayload = {
  __typename?: 'MarkNotificationsReadPayload';
  /** How many were unread before (0 when they were read already). */
  markedCount: Scalars['Int']['output'];
  /** The notifications named by ids, now read (empty for all: true). */
  notifications: Array<Notification>;
  /** How many you still haven't read. */
  unreadCount: Scalars['Int']['output'];
};

/** A person in an organization. */
export type Member = Node & {
  __typename?: 'Member';
  /** When the member was added. */
  createdAt: Scalars['DateTime']['output'];
  /** A disabled member can't sign in. */
  disabled: Scalars['Boolean']['output'];
  /** The name shown to others. */
  displayName: Scalars['String']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** The member's role. */
  role: Role;
  /** Unique within the organization. */
  username: Scalars['String']['output'];
};

/** A page of results with Relay cursors. */
export type MemberConnection = {
  __typename?: 'MemberConnection';
  /** Contains the nodes in this connection */
  edges: Array<MemberEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type MemberEdge = {
  __typename?: 'MemberEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Member;
};

/** A member's attempts and progress in the period. */
export type MemberProgress = {
  __typename?: 'MemberProgress';
  /** Attempts closed in the period. */
  attempts: Scalars['Int']['output'];
  /** Mean percentage of the attempts. */
  averagePercentage: Maybe<Scalars['Float']['output']>;
  /** The member's display name. */
  displayName: Scalars['String']['output'];
  /** The last day with an attempt closed, UTC. */
  lastActiveOn: Maybe<Scalars['Date']['output']>;
  /** The member's id. */
  memberId: Scalars['ID']['output'];
  /** Quizzes taken for the first time in the period. */
  quizzesStarted: Scalars['Int']['output'];
  /** Attempts and mean percentage per day or week (only on memberProgress; empty in a list). */
  timeline: Array<ActivityBucket>;
};

/** Active members, most attempts first (a Relay connection). */
export type MemberProgressConnection = {
  __typename?: 'MemberProgressConnection';
  /** This page's members. */
  edges: Array<MemberProgressEdge>;
  /** Pagination data. */
  pageInfo: PageInfo;
};

/** A member's progress with its cursor. */
export type MemberProgressEdge = {
  __typename?: 'MemberProgressEdge';
  /** A cursor for use in pagination. */
  cursor: Scalars['String']['output'];
  /** The member's progress. */
  node: MemberProgress;
};

/** Everything you can change; each mutation takes one input. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Add a member to the viewer's organization. Needs members:write. */
  addMember: AddMemberPayload;
  /** Archive a quiz: no new attempts. Needs quizzes:write. */
  archiveQuiz: QuizPayload;
  /** Platform console sign-in, step 1: username and password. Any wrong value gives INVALID_CREDENTIALS; throttled like member sign-ins (RATE_LIMITED). */
  beginPlatformLogin: BeginPlatformLoginPayload;
  /** Platform console sign-in, step 2: the authenticator app's code (each code works once). Sets the qg_platform_session cookie (path /platform). Wrong or reused codes give INVALID_CREDENTIALS; too many, RATE_LIMITED. */
  completePlatformLogin: CompletePlatformLoginPayload;
  /** Create an API key; the secret is in the payload, once. Needs api_keys:write. */
  createApiKey: CreateApiKeyPayload;
  /** Create an organization and its first owner (as quizgraph create-org does). Platform staff: needs platform:write. */
  createOrganization: CreateOrganizationPayload;
  /** Create a platform key reaching the orgs listed (or every org). Platform staff: needs platform_keys:write. */
  createPlatformApiKey: PlatformApiKeySecretPayload;
  /** Create a draft quiz. Needs quizzes:write. */
  createQuiz: QuizPayload;
  /** Create a webhook endpoint; its secret is in the payload, once. Needs webhooks:write. */
  createWebhook: CreateWebhookPayload;
  /** Delete a webhook endpoint. Needs webhooks:write. */
  deleteWebhook: DeleteWebhookPayload;
  /** Copy a quiz into a new draft, to edit a locked one. Needs quizzes:write. */
  duplicateQuiz: QuizPayload;
  /** Import a quiz from JSON (docs/quiz-format.schema.json), PDF, Aiken or GIFT. All of the draft is stored or nothing. Needs quizzes:write. */
  importQuiz: ImportQuizPayload;
  /** Sign in. Every wrong value gives INVALID_CREDENTIALS; sets the qg_session cookie. */
  login: LoginPayload;
  /** Sign out: the session ends on the server and the cookie is cleared. */
  logout: LogoutPayload;
  /** Mark one, several or all of your notifications read (your own read state; a key marks for the member who created it). Needs notifications:read. */
  markNotificationsRead: MarkNotificationsReadPayload;
  /** Send a test message to an endpoint. Needs webhooks:write. */
  pingWebhook: PingWebhookPayload;
  /** Sign out of the console: the session ends and its cookie is cleared. */
  platformLogout: PlatformLogoutPayload;
  /** Publish a quiz; refused (CONFLICT, with extensions.problems) when it has no questions or a question can't be answered right. Needs quizzes:write. */
  publishQuiz: QuizPayload;
  /** Send a past message again, with the same webhook-id. Needs webhooks:write. */
  redeliverWebhookMessage: RedeliverWebhookMessagePayload;
  /** Remove a member for good. Needs members:write. */
  removeMember: RemoveMemberPayload;
  /** Report an event of your own open attempt (the server adds its time and your IP address). Another member's attempt is FORBIDDEN (NOT_FOUND if you can't see it); a closed one CONFLICT with extensions.reason ATTEMPT_CLOSED, and so is the next after 1,000 events of one attempt (TOO_MANY_EVENTS). Needs integrity:write. */
  reportIntegrityEvent: ReportIntegrityEventPayload;
  /** Mark a flagged attempt CLEARED or CONFIRMED, with a note (a later review replaces it; each is audited). An unflagged attempt is CONFLICT with extensions.reason NOT_FLAGGED. Needs integrity:read and integrity:write. */
  reviewIntegrityFlag: ReviewIntegrityFlagPayload;
  /** Revoke an API key for good. Needs api_keys:write. */
  revokeApiKey: RevokeApiKeyPayload;
  /** Revoke a certificate: its verification page says so from now on, and its PDF is no longer served. Final; revoking it again changes nothing and answers it as it is. Audited. Needs attempts:read (over everyone's records) and quizzes:write. */
  revokeCertificate: RevokeCertificatePayload;
  /** Revoke a platform key for good (refused from the next request on). Platform staff: needs platform_keys:write. */
  revokePlatformApiKey: RevokePlatformApiKeyPayload;
  /** Issue a new secret for a key; the old one works for the grace period, then is revoked. Needs api_keys:write. */
  rotateApiKey: RotateApiKeyPayload;
  /** Replace a platform key: a new key like it now, the old one revoked after the grace period. Platform staff: needs platform_keys:write. */
  rotatePlatformApiKey: RotatePlatformApiKeyPayload;
  /** Issue a new secret; the old one signs alongside for the grace period. Needs webhooks:write. */
  rotateWebhookSecret: RotateWebhookSecretPayload;
  /** Save answers of your open attempt without submitting; they count if the deadline closes it. Needs attempts:write. */
  saveAttemptAnswers: AttemptPayload;
  /** The API access switch of the org. Needs org:write. */
  setApiAccess: SetApiAccessPayload;
  /** Disable or re-enable an API key. Needs api_keys:write. */
  setApiKeyEnabled: SetApiKeyEnabledPayload;
  /** Disable an organization (its members and keys get ORG_DISABLED from their next request, in every server process) or enable it again. Platform staff: needs platform:write. */
  setOrganizationDisabled: SetOrganizationDisabledPayload;
  /** Start (or resume the open) attempt at a quiz. FORBIDDEN with extensions.reason QUIZ_NOT_OPEN, QUIZ_CLOSED or NO_ATTEMPTS_LEFT. Needs attempts:write. */
  startAttempt: AttemptPayload;
  /** Submit your attempt and get its score. After the deadline no new answer counts; a second submit returns the first result. Needs attempts:write. */
  submitAttempt: AttemptPayload;
  /** Change your org's integrity thresholds (they judge attempts from the next event on). Needs integrity:read and members:write (owners and admins). */
  updateIntegrityRules: UpdateIntegrityRulesPayload;
  /** Change a member's role, status or name. Needs members:write. */
  updateMember: UpdateMemberPayload;
  /** Change the org's name, colour, tagline or logo address (audited). Needs org:write. */
  updateOrganizationBranding: OrganizationPayload;
  /** Change the org's session lengths or its default rate limit of new keys (audited). Needs org:write. */
  updateOrganizationSettings: OrganizationPayload;
  /** Change a quiz. Questions are locked once it has attempts. Needs quizzes:write. */
  updateQuiz: QuizPayload;
  /** Change a webhook endpoint. Needs webhooks:write. */
  updateWebhook: UpdateWebhookPayload;
  /** Upload the org's logo; it is served at Organization.branding.logoUrl and replaces a logo address (audited). Needs org:write. */
  uploadOrganizationLogo: OrganizationPayload;
};


/** Everything you can change; each mutation takes one input. */
export type MutationAddMemberArgs = {
  input: AddMemberInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationArchiveQuizArgs = {
  input: QuizIdInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationBeginPlatformLoginArgs = {
  input: BeginPlatformLoginInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationCompletePlatformLoginArgs = {
  input: CompletePlatformLoginInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationCreateOrganizationArgs = {
  input: CreateOrganizationInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationCreatePlatformApiKeyArgs = {
  input: CreatePlatformApiKeyInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationCreateQuizArgs = {
  input: CreateQuizInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationCreateWebhookArgs = {
  input: CreateWebhookInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationDeleteWebhookArgs = {
  input: DeleteWebhookInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationDuplicateQuizArgs = {
  input: DuplicateQuizInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationImportQuizArgs = {
  input: ImportQuizInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationLoginArgs = {
  input: LoginInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationLogoutArgs = {
  input?: InputMaybe<LogoutInput>;
};


/** Everything you can change; each mutation takes one input. */
export type MutationMarkNotificationsReadArgs = {
  input: MarkNotificationsReadInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationPingWebhookArgs = {
  input: PingWebhookInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationPlatformLogoutArgs = {
  input?: InputMaybe<PlatformLogoutInput>;
};


/** Everything you can change; each mutation takes one input. */
export type MutationPublishQuizArgs = {
  input: QuizIdInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationRedeliverWebhookMessageArgs = {
  input: RedeliverWebhookMessageInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationRemoveMemberArgs = {
  input: RemoveMemberInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationReportIntegrityEventArgs = {
  input: ReportIntegrityEventInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationReviewIntegrityFlagArgs = {
  input: ReviewIntegrityFlagInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationRevokeApiKeyArgs = {
  input: RevokeApiKeyInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationRevokeCertificateArgs = {
  input: RevokeCertificateInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationRevokePlatformApiKeyArgs = {
  input: PlatformApiKeyInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationRotateApiKeyArgs = {
  input: RotateApiKeyInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationRotatePlatformApiKeyArgs = {
  input: RotatePlatformApiKeyInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationRotateWebhookSecretArgs = {
  input: RotateWebhookSecretInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationSaveAttemptAnswersArgs = {
  input: AttemptAnswersInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationSetApiAccessArgs = {
  input: SetApiAccessInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationSetApiKeyEnabledArgs = {
  input: SetApiKeyEnabledInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationSetOrganizationDisabledArgs = {
  input: SetOrganizationDisabledInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationStartAttemptArgs = {
  input: StartAttemptInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationSubmitAttemptArgs = {
  input: AttemptAnswersInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationUpdateIntegrityRulesArgs = {
  input: UpdateIntegrityRulesInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationUpdateMemberArgs = {
  input: UpdateMemberInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationUpdateOrganizationBrandingArgs = {
  input: UpdateOrganizationBrandingInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationUpdateOrganizationSettingsArgs = {
  input: UpdateOrganizationSettingsInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationUpdateQuizArgs = {
  input: UpdateQuizInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationUpdateWebhookArgs = {
  input: UpdateWebhookInput;
};


/** Everything you can change; each mutation takes one input. */
export type MutationUploadOrganizationLogoArgs = {
  input: UploadOrganizationLogoInput;
};

/** An object with a Globally Unique ID */
export type Node = {
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
};

/** Something that needs staff attention: a flagged attempt, a quiz's milestone, a key about to expire, an endpoint switched off, an import with problems. Read state is each member's own. */
export type Notification = Node & {
  __typename?: 'Notification';
  /** More detail (reasons, problems); may be empty. */
  body: Scalars['String']['output'];
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** Where the dashboard shows the object, relative to /org/<slug> (such as /dashboard/quizzes/<id>). */
  link: Scalars['String']['output'];
  /** Whether you have read it. */
  read: Scalars['Boolean']['output'];
  /** When you read it; null while unread (and always for platform staff, who have no read state). */
  readAt: Maybe<Scalars['DateTime']['output']>;
  /** The object it is about (an Attempt, Quiz, ApiKey or Webhook); null when there is none. */
  subjectId: Maybe<Scalars['ID']['output']>;
  /** One line, ready to show. */
  title: Scalars['String']['output'];
  /** What it is about. */
  type: NotificationType;
};

/** A page of notifications, with the reader's unread count. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** Contains the nodes in this connection */
  edges: Array<NotificationEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
  /** How many notifications you see and haven't read (whatever the filters). */
  unreadCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Notification;
};

/** What a notification is about. */
export type NotificationType =
  | 'API_KEY_DISABLED'
  | 'API_KEY_EXPIRING'
  | 'ATTEMPT_FLAGGED'
  | 'IMPORT_PROBLEMS'
  | 'QUIZ_ARCHIVED'
  | 'QUIZ_CLOSED'
  | 'QUIZ_MILESTONE'
  | 'WEBHOOK_DISABLED';

/** Your unread notification count, after a change. */
export type NotificationsUpdate = {
  __typename?: 'NotificationsUpdate';
  /** How many notifications you see and haven't read. */
  unreadCount: Scalars['Int']['output'];
};

/** A choice of a question. Whether it is correct is never shown here. */
export type Option = {
  __typename?: 'Option';
  /** Send it back in selectedOptionIds. */
  id: Scalars['ID']['output'];
  /** The option's text. */
  text: Scalars['String']['output'];
};

/** An option of a choice question. */
export type OptionInput = {
  /** Whether choosing it is right. */
  correct?: Scalars['Boolean']['input'];
  /** 1-1000 characters. */
  text: Scalars['String']['input'];
};

/** How often an option was picked (distractor analysis). */
export type OptionStatistics = {
  __typename?: 'OptionStatistics';
  /** Whether it is a right answer; null without quizzes:write. */
  correct: Maybe<Scalars['Boolean']['output']>;
  /** The option's id. */
  optionId: Scalars['ID']['output'];
  /** Attempts that picked it. */
  picks: Scalars['Int']['output'];
  /** Share of the attempts counted that picked it (0 to 1). */
  share: Maybe<Scalars['Float']['output']>;
  /** The option's text. */
  text: Scalars['String']['output'];
};

/** A school or company using quizgraph. */
export type Organization = Node & {
  __typename?: 'Organization';
  /** Activity over time: active members, attempts and mean percentage per day or week, top quizzes, each member's progress. Needs analytics:read. */
  analytics: Maybe<OrganizationAnalytics>;
  /** Whether the org's API keys work (the owner's switch). Needs org:read. */
  apiAccessEnabled: Scalars['Boolean']['output'];
  /** The org's API keys, newest first, revoked ones included; never their secrets. Needs api_keys:read. */
  apiKeys: Maybe<ApiKeyConnection>;
  /** Attempts, newest first. Needs attempts:read; students (and their keys) see their own only, and asking for another member's is FORBIDDEN. */
  attempts: Maybe<AttemptConnection>;
  /** Attempts closed in the last 30 days (UTC days, today included). Platform staff: needs platform:read. */
  attemptsLast30Days: Scalars['Int']['output'];
  /** Every action the audit log records, grouped by area, with labels to pick from. Needs audit:read. */
  auditActions: Maybe<Array<AuditAction>>;
  /** The org's audit log, newest first. Needs audit:read. */
  auditLog: Maybe<AuditEventConnection>;
  /** Public look of the portal. */
  branding: Branding;
  /** Certificates, newest first. Needs attempts:read; students (and their keys) see their own only, and asking for another member's is FORBIDDEN. */
  certificates: Maybe<CertificateConnection>;
  /** When the org was created. Platform staff: needs platform:read. */
  createdAt: Scalars['DateTime']['output'];
  /** Whether platform staff switched the org off. Needs org:read. */
  disabled: Scalars['Boolean']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** Attempts' integrity records (every attempt started has one), the most recently flagged first. Filter flagged: true and unreviewed: true for the flags waiting for review. Needs integrity:read. */
  integrityAttempts: Maybe<AttemptIntegrityConnection>;
  /** Integrity events of the org's attempts, newest first (an attempt's events in order: AttemptIntegrity.timeline). Needs integrity:read. */
  integrityEvents: Maybe<IntegrityEventConnection>;
  /** What is recorded while taking a quiz, and what gets an attempt reviewed, in plain words for the quiz's start page. Needs integrity:write (held by everyone who takes quizzes). */
  integrityNotice: Maybe<Scalars['String']['output']>;
  /** The thresholds that flag an attempt (the shipped defaults until changed with updateIntegrityRules). Needs integrity:read. */
  integrityRules: Maybe<IntegrityRules>;
  /** When a member or key of the org last did something the audit log records (signed in, took a quiz, changed something); null if never. Platform staff: needs platform:read. */
  lastActivityAt: Maybe<Scalars['DateTime']['output']>;
  /** Standings, best first. With quizId: each member's best attempt (higher score, then less time, then earlier submission). Without: the sum of each member's best score per quiz. Needs leaderboard:read. */
  leaderboard: Maybe<LeaderboardConnection>;
  /** How many members the org has (disabled ones included). Platform staff: needs platform:read. */
  memberCount: Scalars['Int']['output'];
  /** A member's attempts and progress over time: one's own with attempts:read; another member's needs analytics:read (staff), else FORBIDDEN. */
  memberProgress: Maybe<MemberProgress>;
  /** Members, by username. Needs members:read. */
  members: Maybe<MemberConnection>;
  /** The display name. */
  name: Scalars['String']['output'];
  /** What needs your attention, newest first: the notifications your role (or key) may see, with your own read state. Kept for the server's retention period (90 days unless configured). Needs notifications:read. */
  notifications: NotificationConnection;
  /** Quizzes, newest first. Needs quizzes:read; without quizzes:write only published quizzes that are open now are listed. */
  quizzes: Maybe<QuizConnection>;
  /** Session lengths and the default key rate limit, changed with updateOrganizationSettings. Needs org:read. */
  settings: OrganizationSettings;
  /** The short name used in addresses. */
  slug: Scalars['String']['output'];
  /** The org's webhook endpoints, newest first, with their status, health and delivery log; never their secrets. Needs webhooks:read. */
  webhooks: Maybe<WebhookConnection>;
};


/** A school or company using quizgraph. */
export type OrganizationAnalyticsArgs = {
  interval?: AnalyticsInterval;
  since?: InputMaybe<Scalars['Date']['input']>;
  until?: InputMaybe<Scalars['Date']['input']>;
};


/** A school or company using quizgraph. */
export type OrganizationApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A school or company using quizgraph. */
export type OrganizationAttemptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  quizId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<AttemptStatus>;
};


/** A school or company using quizgraph. */
export type OrganizationAuditLogArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  actor?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  area?: InputMaybe<Scalars['String']['input']>;
  excludeActions?: InputMaybe<Array<Scalars['String']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


/** A school or company using quizgraph. */
export type OrganizationCertificatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  quizId?: InputMaybe<Scalars['ID']['input']>;
  revoked?: InputMaybe<Scalars['Boolean']['input']>;
  tournamentId?: InputMaybe<Scalars['ID']['input']>;
};


/** A school or company using quizgraph. */
export type OrganizationIntegrityAttemptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  attemptId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  flagged?: InputMaybe<Scalars['Boolean']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  quizId?: InputMaybe<Scalars['ID']['input']>;
  review?: InputMaybe<ReviewOutcome>;
  unreviewed?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A school or company using quizgraph. */
export type OrganizationIntegrityEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  attemptId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  type?: InputMaybe<IntegrityEventType>;
};


/** A school or company using quizgraph. */
export type OrganizationLeaderboardArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  quizId?: InputMaybe<Scalars['ID']['input']>;
  window?: LeaderboardWindow;
};


/** A school or company using quizgraph. */
export type OrganizationMemberProgressArgs = {
  interval?: AnalyticsInterval;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  since?: InputMaybe<Scalars['Date']['input']>;
  until?: InputMaybe<Scalars['Date']['input']>;
};


/** A school or company using quizgraph. */
export type OrganizationMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<Role>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** A school or company using quizgraph. */
export type OrganizationNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<NotificationType>;
  unread?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A school or company using quizgraph. */
export type OrganizationQuizzesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<QuizStatus>;
};


/** A school or company using quizgraph. */
export type OrganizationWebhooksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The org's activity over a period (analytics:read). */
export type OrganizationAnalytics = {
  __typename?: 'OrganizationAnalytics';
  /** Members with an attempt closed in the period. */
  activeMembers: Scalars['Int']['output'];
  /** Attempts closed in the period. */
  attempts: Scalars['Int']['output'];
  /** Mean percentage of those attempts. */
  averagePercentage: Maybe<Scalars['Float']['output']>;
  /** How the timeline is grouped. */
  interval: AnalyticsInterval;
  /** Active members' attempts and progress, most attempts first. */
  members: MemberProgressConnection;
  /** The period's first day (UTC). */
  since: Scalars['Date']['output'];
  /** Attempts, active members and mean percentage per day or week that had any (at most 366 buckets). */
  timeline: Array<ActivityBucket>;
  /** The quizzes with the most attempts in the period. */
  topQuizzes: Array<QuizActivity>;
  /** The period's last day (UTC, included). */
  until: Scalars['Date']['output'];
};


/** The org's activity over a period (analytics:read). */
export type OrganizationAnalyticsMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The org's activity over a period (analytics:read). */
export type OrganizationAnalyticsTopQuizzesArgs = {
  first?: Scalars['Int']['input'];
};

/** A page of results with Relay cursors. */
export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  /** Contains the nodes in this connection */
  edges: Array<OrganizationEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Organization;
};

export type OrganizationPayload = {
  __typename?: 'OrganizationPayload';
  organization: Organization;
};

/** The owner's settings of an organization (null: the platform's). */
export type OrganizationSettings = {
  __typename?: 'OrganizationSettings';
  /** The rate limit of a new key whose creator names none (null: the platform's default). */
  defaultApiKeyRateLimitPerMinute: Maybe<Scalars['Int']['output']>;
  /** The bounds of these settings and the platform's defaults. */
  limits: OrganizationSettingsLimits;
  /** A session unused this long ends (null: the platform's default). A change reaches open sessions at their next request. */
  sessionIdleTimeoutSeconds: Maybe<Scalars['Int']['output']>;
  /** A session ends this long after sign-in, used or not (null: the platform's default). A change reaches sessions signed in after it. */
  sessionLifetimeSeconds: Maybe<Scalars['Int']['output']>;
};

/** What the platform allows an org to choose, and its defaults. */
export type OrganizationSettingsLimits = {
  __typename?: 'OrganizationSettingsLimits';
  /** The highest key rate limit. */
  apiKeyRateLimitMax: Scalars['Int']['output'];
  /** The lowest key rate limit. */
  apiKeyRateLimitMin: Scalars['Int']['output'];
  /** The largest logo upload. */
  logoMaxBytes: Scalars['Int']['output'];
  /** The longest organization name. */
  nameMaxLength: Scalars['Int']['output'];
  /** The rate limit of a new key in an org that chose none. */
  platformApiKeyRateLimitPerMinute: Scalars['Int']['output'];
  /** The idle timeout of an org that chose none. */
  platformSessionIdleTimeoutSeconds: Scalars['Int']['output'];
  /** The session lifetime of an org that chose none. */
  platformSessionLifetimeSeconds: Scalars['Int']['output'];
  /** The longest session idle timeout or lifetime an org may choose. */
  sessionMaxSeconds: Scalars['Int']['output'];
  /** The shortest session idle timeout or lifetime an org may choose. */
  sessionMinSeconds: Scalars['Int']['output'];
  /** The longest tagline. */
  taglineMaxLength: Scalars['Int']['output'];
};

/** Information to aid in pagination. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** When paginating forwards, the cursor to continue. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** When paginating forwards, are there more items? */
  hasNextPage: Scalars['Boolean']['output'];
  /** When paginating backwards, are there more items? */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** When paginating backwards, the cursor to continue. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Who took an attempt. */
export type Participant = {
  __typename?: 'Participant';
  /** The member's display name. */
  displayName: Scalars['String']['output'];
  /** The member's id. */
  id: Scalars['ID']['output'];
  /** The member's username. */
  username: Scalars['String']['output'];
};

/** Send a test message (event webhook.ping) to an endpoint. */
export type PingWebhookInput = {
  /** The endpoint's id. */
  id: Scalars['ID']['input'];
};

export type PingWebhookPayload = {
  __typename?: 'PingWebhookPayload';
  /** The test delivery, queued now. */
  delivery: WebhookDelivery;
};

/** The platform admin signed in to the console. */
export type PlatformAdmin = {
  __typename?: 'PlatformAdmin';
  /** The admin's username. */
  username: Scalars['String']['output'];
};

/** A platform key (staff's): acts across orgs, every org or those listed. Its secret is shown once, when it is created or rotated. */
export type PlatformApiKey = Node & {
  __typename?: 'PlatformApiKey';
  /** True when the key reaches every org (no list). */
  allOrganizations: Scalars['Boolean']['output'];
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** A disabled key is refused. */
  enabled: Scalars['Boolean']['output'];
  /** When it stops by itself. */
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** Last use, to within a minute. */
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  /** What the key is for. */
  name: Scalars['String']['output'];
  /** The orgs the key reaches (at most 100); empty when it reaches every org. */
  organizations: Array<Organization>;
  /** The secret's first 16 characters. */
  prefix: Scalars['String']['output'];
  /** Requests allowed per minute. */
  rateLimitPerMinute: Scalars['Int']['output'];
  /** When it was (or, after a rotation, will be) revoked; null while live. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** The scopes the key carries. */
  scopes: Array<Scalars['String']['output']>;
};

/** A page of results with Relay cursors. */
export type PlatformApiKeyConnection = {
  __typename?: 'PlatformApiKeyConnection';
  /** Contains the nodes in this connection */
  edges: Array<PlatformApiKeyEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type PlatformApiKeyEdge = {
  __typename?: 'PlatformApiKeyEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: PlatformApiKey;
};

/** A platform key, by id. */
export type PlatformApiKeyInput = {
  /** The platform key's id. */
  id: Scalars['ID']['input'];
};

export type PlatformApiKeySecretPayload = {
  __typename?: 'PlatformApiKeySecretPayload';
  apiKey: PlatformApiKey;
  /** The key's secret (iq_live_ and 40 hex). Shown only in this payload: store it now. */
  secret: Scalars['String']['output'];
};

/** One thing platform staff (or the command line) did. */
export type PlatformAuditEvent = Node & {
  __typename?: 'PlatformAuditEvent';
  /** What happened, such as platform.org_disabled. */
  action: Scalars['String']['output'];
  /** PLATFORM_ADMIN, or CLI (a quizgraph command run on the server). */
  actorKind: Scalars['String']['output'];
  /** Who: platform:<username> or quizgraph CLI. */
  actorLabel: Scalars['String']['output'];
  /** When it happened. */
  createdAt: Scalars['DateTime']['output'];
  /** What changed, as a JSON object. */
  details: Scalars['JSON']['output'];
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** The client's IP address. */
  ip: Maybe<Scalars['String']['output']>;
  /** The action in words. */
  label: Scalars['String']['output'];
  /** The affected org's slug (kept when the org is gone); null for platform-wide actions. */
  orgSlug: Maybe<Scalars['String']['output']>;
  /** The affected org, while it exists. */
  organization: Maybe<Organization>;
  /** The changed object's id. */
  targetId: Maybe<Scalars['String']['output']>;
  /** The kind of object changed. */
  targetType: Maybe<Scalars['String']['output']>;
};

/** A page of results with Relay cursors. */
export type PlatformAuditEventConnection = {
  __typename?: 'PlatformAuditEventConnection';
  /** Contains the nodes in this connection */
  edges: Array<PlatformAuditEventEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type PlatformAuditEventEdge = {
  __typename?: 'PlatformAuditEventEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: PlatformAuditEvent;
};

/** No fields: ends the console session. */
export type PlatformLogoutInput = {
  /** Echoed back, for clients that track requests. */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
};

export type PlatformLogoutPayload = {
  __typename?: 'PlatformLogoutPayload';
  /** True when a console session was ended. */
  ok: Scalars['Boolean']['output'];
};

/** Everything you can read. */
export type Query = {
  __typename?: 'Query';
  /** The roles and scopes of the API: what each scope allows, which roles hold it and whether a key may carry it. Needs no sign-in. */
  accessModel: AccessModel;
  /** Any object by its global id; NOT_FOUND when out of reach. */
  node: Node;
  /** An organization by slug; its public fields need no sign-in. */
  organization: Maybe<Organization>;
  /** The signed-in platform admin. Needs platform:read. */
  platformAdmin: PlatformAdmin;
  /** Every platform key, newest first; never their secrets. Platform staff: needs platform_keys:read. */
  platformApiKeys: PlatformApiKeyConnection;
  /** The platform log, newest first: what platform staff and the command line did. Platform staff: needs platform:read. */
  platformAuditLog: PlatformAuditEventConnection;
  /** Every organization (disabled ones too), by slug, with the figures the console shows (memberCount, lastActivityAt, attemptsLast30Days). Platform staff: needs platform:read. */
  platformOrganizations: OrganizationConnection;
  /** Platform staff: the platform's webhook endpoints (of no org, receiving every org's events or a list of orgs'), newest first; a key restricted to orgs sees those within its orgs. Anyone else sees none: an org's endpoints are Organization.webhooks. Needs webhooks:read. */
  platformWebhooks: WebhookConnection;
  /** Who is calling: kind, member, organization, role and scopes. */
  viewer: Viewer;
};


/** Everything you can read. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Everything you can read. */
export type QueryOrganizationArgs = {
  slug: Scalars['String']['input'];
};


/** Everything you can read. */
export type QueryPlatformApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything you can read. */
export type QueryPlatformAuditLogArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};


/** Everything you can read. */
export type QueryPlatformOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** Everything you can read. */
export type QueryPlatformWebhooksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A question as a participant sees it: no answer, no explanation. */
export type Question = {
  __typename?: 'Question';
  /** Send it back as an answer's questionId. */
  id: Scalars['ID']['output'];
  /** How it is answered and scored. */
  kind: QuestionKind;
  /** Position in the quiz (or attempt), from 1. */
  number: Scalars['Int']['output'];
  /** The options of a choice question (empty for other kinds). */
  options: Array<Option>;
  /** Points for a fully right answer. */
  points: Scalars['Float']['output'];
  /** The question's text. */
  prompt: Scalars['String']['output'];
};

/** Why a question looks wrong (flagReasons says it in words). */
export type QuestionFlag =
  | 'NEGATIVE_DISCRIMINATION'
  | 'NOT_ANSWERED'
  | 'VERY_EASY'
  | 'VERY_HARD';

/** A question. Only the fields of its kind are used. */
export type QuestionInput = {
  /** SHORT_ANSWER: up to 50 right answers. */
  acceptedAnswers?: Array<Scalars['String']['input']>;
  /** Shown after submission when the quiz reveals answers. */
  explanation?: InputMaybe<Scalars['String']['input']>;
  /** How it is answered and scored. */
  kind: QuestionKind;
  /** NUMERIC: how far from the value still counts as right. */
  numericTolerance?: Scalars['Float']['input'];
  /** NUMERIC: the right value. */
  numericValue?: InputMaybe<Scalars['Float']['input']>;
  /** Choice kinds: up to 26 options. TRUE_FALSE: exactly True, False. */
  options?: Array<OptionInput>;
  /** Points for a right answer, above 0, at most 1000. */
  points?: Scalars['Float']['input'];
  /** The question, up to 5000 characters. */
  prompt: Scalars['String']['input'];
};

/** How a question is answered and scored. SINGLE_CHOICE and TRUE_FALSE: full points for exactly the one correct option. MULTIPLE_CHOICE: Multiple choice questions give partial credit: points * max(0, (correct options selected - incorrect options selected) / number of correct options). Selecting an option twice counts once, and an unknown option id counts as an incorrect selection. SHORT_ANSWER: full points when the text matches an accepted answer, ignoring case and surrounding spaces. NUMERIC: full points within the tolerance of the value. */
export type QuestionKind =
  | 'MULTIPLE_CHOICE'
  | 'NUMERIC'
  | 'SHORT_ANSWER'
  | 'SINGLE_CHOICE'
  | 'TRUE_FALSE';

/** How one question of a closed attempt went. */
export type QuestionResult = {
  __typename?: 'QuestionResult';
  /** Whether an answer counted. */
  answered: Scalars['Boolean']['output'];
  /** Whether it earned full points. */
  correct: Scalars['Boolean']['output'];
  /** The numeric answer given. */
  number: Maybe<Scalars['Float']['output']>;
  /** Points earned (partial possible). */
  pointsAwarded: Scalars['Float']['output'];
  /** The question, in the attempt's order. */
  question: Question;
  /** The right answer: null unless the quiz's revealAnswers shows it by now. */
  revealed: Maybe<RevealedAnswer>;
  /** Options chosen. */
  selectedOptionIds: Array<Scalars['ID']['output']>;
  /** The text answer given. */
  text: Maybe<Scalars['String']['output']>;
};

/** Item analysis of one question, as Moodle's statistics report. */
export type QuestionStatistics = {
  __typename?: 'QuestionStatistics';
  /** Attempts counted that answered it. */
  answered: Scalars['Int']['output'];
  /** Pearson correlation (-1 to 1) of its score with the rest of the test (the total minus this question) across attempts. Null when undefined (fewer than two attempts, or no spread). */
  discriminationIndex: Maybe<Scalars['Float']['output']>;
  /** Its covariance with the rest of the test / the largest its scores allow (both sorted alike): discrimination corrected for facility (at most 1). */
  discriminativeEfficiency: Maybe<Scalars['Float']['output']>;
  /** Mean score on it / its points, over the attempts counted (0 to 1; an unanswered question scores 0). Null without attempts. */
  facilityIndex: Maybe<Scalars['Float']['output']>;
  /** The flags in plain words, in the same order. */
  flagReasons: Array<Scalars['String']['output']>;
  /** What looks wrong with it; flagReasons says why. Without an item analysis yet (itemAnalysisStatus COMPUTING) NEGATIVE_DISCRIMINATION cannot show. */
  flags: Array<QuestionFlag>;
  /** Its kind, a QuestionKind name (SINGLE_CHOICE, ...). */
  kind: Scalars['String']['output'];
  /** Its points. */
  maxPoints: Scalars['Float']['output'];
  /** Its place in the quiz, from 1. */
  number: Scalars['Int']['output'];
  /** Choice questions: how often each option was picked. */
  options: Array<OptionStatistics>;
  /** The question's text. */
  prompt: Scalars['String']['output'];
  /** The question's id. */
  questionId: Scalars['ID']['output'];
  /** Sample standard deviation of its score, in points. */
  standardDeviation: Maybe<Scalars['Float']['output']>;
};

/** A quiz. Its answers are only on questionsWithAnswers (quizzes:write). */
export type Quiz = Node & {
  __typename?: 'Quiz';
  /** Per member; null: no limit. */
  attemptsAllowed: Maybe<Scalars['Int']['output']>;
  /** Whether passing earns the member a certificate (once per member). */
  certificateOnPass: Scalars['Boolean']['output'];
  /** No attempts from this time on. */
  closesAt: Maybe<Scalars['DateTime']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Who created it (null once removed). Needs quizzes:write. */
  createdBy: Maybe<Member>;
  /** What the quiz is about. */
  description: Maybe<Scalars['String']['output']>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** Whether attempts can start now (published and within its times). */
  isOpen: Scalars['Boolean']['output'];
  /** The points of all questions together. */
  maxPoints: Scalars['Float']['output'];
  /** No attempts before this time. */
  opensAt: Maybe<Scalars['DateTime']['output']>;
  /** Null: no pass mark. */
  passMarkPercent: Maybe<Scalars['Float']['output']>;
  /** When it was published. */
  publishedAt: Maybe<Scalars['DateTime']['output']>;
  /** How many questions it has. */
  questionCount: Scalars['Int']['output'];
  /** The questions in quiz order, without answers. */
  questions: Array<Question>;
  /** The questions with answers and explanations. Needs quizzes:write. */
  questionsWithAnswers: Array<AuthoredQuestion>;
  /** When members see the right answers and explanations of closed attempts. */
  revealAnswers: AnswerReveal;
  /**
   * Whether closed attempts ever show the answers (revealAnswers is not NEVER).
   * @deprecated Use revealAnswers, which says when.
   */
  revealAnswersAfterSubmit: Scalars['Boolean']['output'];
  /** Each attempt orders options anew. */
  shuffleOptions: Scalars['Boolean']['output'];
  /** Each attempt orders questions anew. */
  shuffleQuestions: Scalars['Boolean']['output'];
  /** Statistics and item analysis of the quiz's closed attempts, by the UTC day they closed. Needs analytics:read. */
  statistics: Maybe<QuizStatistics>;
  /** DRAFT, PUBLISHED or ARCHIVED. */
  status: QuizStatus;
  /** Per attempt; null: none. */
  timeLimitSeconds: Maybe<Scalars['Int']['output']>;
  /** The quiz's title. */
  title: Scalars['String']['output'];
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Counts changes; attempts record theirs. */
  version: Scalars['Int']['output'];
};


/** A quiz. Its answers are only on questionsWithAnswers (quizzes:write). */
export type QuizQuestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A quiz. Its answers are only on questionsWithAnswers (quizzes:write). */
export type QuizQuestionsWithAnswersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A quiz. Its answers are only on questionsWithAnswers (quizzes:write). */
export type QuizStatisticsArgs = {
  firstAttemptsOnly?: Scalars['Boolean']['input'];
  since?: InputMaybe<Scalars['Date']['input']>;
  until?: InputMaybe<Scalars['Date']['input']>;
};

/** A quiz's activity in the period. */
export type QuizActivity = {
  __typename?: 'QuizActivity';
  /** Attempts closed in the period. */
  attempts: Scalars['Int']['output'];
  /** Their mean percentage. */
  averagePercentage: Maybe<Scalars['Float']['output']>;
  /** The quiz's id. */
  quizId: Scalars['ID']['output'];
  /** The quiz's title. */
  title: Scalars['String']['output'];
};

/** A page of results with Relay cursors. */
export type QuizConnection = {
  __typename?: 'QuizConnection';
  /** Contains the nodes in this connection */
  edges: Array<QuizEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type QuizEdge = {
  __typename?: 'QuizEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Quiz;
};

/** The quiz to act on. */
export type QuizIdInput = {
  /** The quiz's id. */
  id: Scalars['ID']['input'];
};

/** File formats importQuiz reads. */
export type QuizImportFormat =
  | 'AIKEN'
  | 'GIFT'
  | 'JSON'
  | 'PDF';

export type QuizPayload = {
  __typename?: 'QuizPayload';
  quiz: Quiz;
};

/** Statistics of a quiz over its closed attempts (first attempts only by default), with Moodle's item analysis. Counts, spreads and picks are kept current with every attempt; the item analysis is recomputed in the background on demand (see computedAt and itemAnalysisStatus). */
export type QuizStatistics = {
  __typename?: 'QuizStatistics';
  /** Closed attempts counted. */
  attempts: Scalars['Int']['output'];
  /** Mean time from start to close, in seconds. */
  averageTimeSeconds: Maybe<Scalars['Float']['output']>;
  /** Share of the attempts counted that their member submitted (the rest ran out of time), 0 to 1. */
  completionRate: Maybe<Scalars['Float']['output']>;
  /** When the item analysis (discrimination, efficiency, alpha, error ratio, standard error) was computed; it is recomputed in the background when asked for after new attempts, at most every 5 minutes. Null while the first one is computed (itemAnalysisStatus COMPUTING). */
  computedAt: Maybe<Scalars['DateTime']['output']>;
  /** Cronbach's alpha (KR-20 for right/wrong questions): k/(k-1) * (1 - sum of the questions' variances / variance of the totals). Null when undefined (fewer than two attempts or questions, or no spread). */
  cronbachAlpha: Maybe<Scalars['Float']['output']>;
  /** sqrt(1 - alpha): the share of the scores' spread that is noise (0 to 1). */
  errorRatio: Maybe<Scalars['Float']['output']>;
  /** Whether the item analysis fields are current (READY), from an earlier computation while a newer one runs (STALE), or null while the first one runs (COMPUTING). Asking starts the computation; ask again to read it. */
  itemAnalysisStatus: ItemAnalysisStatus;
  /** The quiz's maximum score, in points. */
  maxScore: Scalars['Float']['output'];
  /** Mean score, in points. */
  mean: Maybe<Scalars['Float']['output']>;
  /** Median score, in points. */
  median: Maybe<Scalars['Float']['output']>;
  /** Members with an attempt counted. */
  participants: Scalars['Int']['output'];
  /** Share of the attempts that passed (null: no pass mark). */
  passRate: Maybe<Scalars['Float']['output']>;
  /** Per question, in quiz order. */
  questions: Array<QuestionStatistics>;
  /** Scores in 10 equal buckets from 0 to the maximum score. */
  scoreDistribution: Array<ScoreBucket>;
  /** Sample standard deviation of the scores, in points. */
  standardDeviation: Maybe<Scalars['Float']['output']>;
  /** Standard error of measurement: SD of the totals * sqrt(1 - alpha), in points. */
  standardError: Maybe<Scalars['Float']['output']>;
};

/** Where a quiz is in its life: DRAFT, PUBLISHED, ARCHIVED. */
export type QuizStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

/** Send a past message again, with the same webhook-id. */
export type RedeliverWebhookMessageInput = {
  /** The message's id (msg_…). */
  messageId: Scalars['String']['input'];
  /** Only to this endpoint (every endpoint that had it if left out). */
  webhookId?: InputMaybe<Scalars['ID']['input']>;
};

export type RedeliverWebhookMessagePayload = {
  __typename?: 'RedeliverWebhookMessagePayload';
  /** The deliveries queued again. */
  deliveries: Array<WebhookDelivery>;
};

/** The member to remove. */
export type RemoveMemberInput = {
  /** The member's id. */
  id: Scalars['ID']['input'];
};

export type RemoveMemberPayload = {
  __typename?: 'RemoveMemberPayload';
  /** The id of the removed member. */
  removedId: Scalars['ID']['output'];
};

/** An event of your open attempt, as the browser saw it. */
export type ReportIntegrityEventInput = {
  /** Your open attempt's id. */
  attemptId: Scalars['ID']['input'];
  /** A flat object of at most 8 keys (names of letters, digits and _) whose values are strings (up to 200 characters), numbers, booleans or null. ANSWERS_BULK_CHANGED needs answersChanged, how many answers changed at once (2 or more). */
  details?: InputMaybe<Scalars['JSON']['input']>;
  /** When, by the browser's clock (the server's time when left out); refused if more than 5 minutes outside the attempt's start and now. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** What happened (NEW_IP_ADDRESS and NEW_DEVICE are the server's own). */
  type: IntegrityEventType;
};

export type ReportIntegrityEventPayload = {
  __typename?: 'ReportIntegrityEventPayload';
  /** The event as recorded. */
  event: IntegrityEvent;
};

/** The right answer to a question, shown after submission. */
export type RevealedAnswer = {
  __typename?: 'RevealedAnswer';
  /** SHORT_ANSWER. */
  acceptedAnswers: Array<Scalars['String']['output']>;
  /** Choice kinds. */
  correctOptionIds: Array<Scalars['ID']['output']>;
  /** Why, if the author wrote it. */
  explanation: Maybe<Scalars['String']['output']>;
  /** NUMERIC: the tolerance. */
  numericTolerance: Maybe<Scalars['Float']['output']>;
  /** NUMERIC: the value. */
  numericValue: Maybe<Scalars['Float']['output']>;
};

/** Mark a flagged attempt reviewed. */
export type ReviewIntegrityFlagInput = {
  /** The flagged attempt's id. */
  attemptId: Scalars['ID']['input'];
  /** Why, up to 1000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** CLEARED or CONFIRMED. */
  outcome: ReviewOutcome;
};

export type ReviewIntegrityFlagPayload = {
  __typename?: 'ReviewIntegrityFlagPayload';
  /** The reviewed record. */
  attemptIntegrity: AttemptIntegrity;
};

/** CLEARED: reviewed, nothing wrong. CONFIRMED: reviewed, the concern stands. */
export type ReviewOutcome =
  | 'CLEARED'
  | 'CONFIRMED';

/** The key to revoke, for good, from the next request on. */
export type RevokeApiKeyInput = {
  /** The key's id. */
  id: Scalars['ID']['input'];
};

export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  apiKey: ApiKey;
};

/** The certificate to revoke, and why. */
export type RevokeCertificateInput = {
  /** The certificate's id. */
  id: Scalars['ID']['input'];
  /** Why, 1-500 characters (kept in the audit log). */
  reason: Scalars['String']['input'];
  /** Show the reason on the public verification page (default: it only says the certificate was revoked, and when). */
  reasonPublic?: Scalars['Boolean']['input'];
};

export type RevokeCertificatePayload = {
  __typename?: 'RevokeCertificatePayload';
  /** The certificate, revoked. */
  certificate: Certificate;
};

export type RevokePlatformApiKeyPayload = {
  __typename?: 'RevokePlatformApiKeyPayload';
  apiKey: PlatformApiKey;
};

/** What a member may do, from most to least. */
export type Role =
  | 'ADMIN'
  | 'OWNER'
  | 'STUDENT'
  | 'TEACHER';

/** A role and the scopes it grants. */
export type RoleDefinition = {
  __typename?: 'RoleDefinition';
  /** Of `scopes`, those the role holds for its own records only (a student's `attempts:read` shows their own attempts). */
  ownRecordsOnly: Array<Scalars['String']['output']>;
  /** The role. */
  role: Role;
  /** The scopes the role grants, in the order of `AccessModel.scopes`. */
  scopes: Array<Scalars['String']['output']>;
};

/** Replace a key by a new one with the same name, scopes and limit. */
export type RotateApiKeyInput = {
  /** The new key's expiry; when left out, the old key's (if still ahead). */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** How long the old key keeps working: 0 (revoked at once) to 604800 seconds (7 days). */
  gracePeriodSeconds: Scalars['Int']['input'];
  /** The key to replace. */
  id: Scalars['ID']['input'];
};

export type RotateApiKeyPayload = {
  __typename?: 'RotateApiKeyPayload';
  /** The new key. */
  apiKey: ApiKey;
  /** The old key; its revokedAt is the end of the grace period. */
  previousApiKey: ApiKey;
  /** The full key (iq_live_ and 40 hex characters). Shown only in this payload: store it now. */
  secret: Scalars['String']['output'];
};

/** Replace a platform key with a new one. */
export type RotatePlatformApiKeyInput = {
  /** How long the old key keeps working: 0 to 604800 seconds. */
  gracePeriodSeconds: Scalars['Int']['input'];
  /** The platform key to replace. */
  id: Scalars['ID']['input'];
};

export type RotatePlatformApiKeyPayload = {
  __typename?: 'RotatePlatformApiKeyPayload';
  /** The new key. */
  apiKey: PlatformApiKey;
  /** The old key, revoked when the grace period ends. */
  previousApiKey: PlatformApiKey;
  /** The key's secret (iq_live_ and 40 hex). Shown only in this payload: store it now. */
  secret: Scalars['String']['output'];
};

/** Give an endpoint a new secret. */
export type RotateWebhookSecretInput = {
  /** How long the old secret keeps signing alongside the new one: 0 to 604800 seconds (7 days). */
  gracePeriodSeconds: Scalars['Int']['input'];
  /** The endpoint's id. */
  id: Scalars['ID']['input'];
};

export type RotateWebhookSecretPayload = {
  __typename?: 'RotateWebhookSecretPayload';
  /** The signing secret (whsec_ and base64). Shown only in this payload: store it now; verify deliveries with it (any Standard Webhooks library). */
  secret: Scalars['String']['output'];
  webhook: Webhook;
};

/** A scope (`resource:action`): what it allows and who holds it. */
export type ScopeDefinition = {
  __typename?: 'ScopeDefinition';
  /** What the scope lets its holder do. */
  description: Scalars['String']['output'];
  /** Whether an API key may carry it (`org:write` and `api_keys:*` never). */
  grantableToKeys: Scalars['Boolean']['output'];
  /** The scope, e.g. `quizzes:write`. */
  name: Scalars['String']['output'];
  /** The part before the colon, e.g. `quizzes`. */
  resource: Scalars['String']['output'];
  /** The resource as a heading, e.g. `Quizzes`. */
  resourceLabel: Scalars['String']['output'];
  /** The roles that hold the scope. */
  roles: Array<Role>;
};

/** Attempts whose score fell in [low, high) (the last: [low, high]). */
export type ScoreBucket = {
  __typename?: 'ScoreBucket';
  /** Attempts that scored within it. */
  attempts: Scalars['Int']['output'];
  /** Highest score of the bucket, in points. */
  high: Scalars['Float']['output'];
  /** Lowest score of the bucket, in points. */
  low: Scalars['Float']['output'];
};

/** Turn every API key of the viewer's organization off, or back on. */
export type SetApiAccessInput = {
  /** false: every key of the org gets API_ACCESS_DISABLED; true: they work again. */
  enabled: Scalars['Boolean']['input'];
};

export type SetApiAccessPayload = {
  __typename?: 'SetApiAccessPayload';
  organization: Organization;
};

/** Switch a key off (refused until switched on again) or on. */
export type SetApiKeyEnabledInput = {
  /** false to disable, true to re-enable. */
  enabled: Scalars['Boolean']['input'];
  /** The key's id. */
  id: Scalars['ID']['input'];
};

export type SetApiKeyEnabledPayload = {
  __typename?: 'SetApiKeyEnabledPayload';
  apiKey: ApiKey;
};

/** Switch an organization off, or back on. */
export type SetOrganizationDisabledInput = {
  /** true: its members and keys get ORG_DISABLED from their next request; false: they work again. */
  disabled: Scalars['Boolean']['input'];
  /** The organization's id. */
  id: Scalars['ID']['input'];
};

export type SetOrganizationDisabledPayload = {
  __typename?: 'SetOrganizationDisabledPayload';
  organization: Organization;
};

/** The quiz to take. */
export type StartAttemptInput = {
  /** A published, open quiz. */
  quizId: Scalars['ID']['input'];
};

/** Live updates over a websocket (graphql-transport-ws or graphql-ws). */
export type Subscription = {
  __typename?: 'Subscription';
  /** Live standings over a websocket. The first message is the current top N; then one whenever the board changes, at most about 10 a second (bursts coalesce; the last message is always current). Needs leaderboard:read. */
  leaderboardUpdated: LeaderboardUpdate;
  /** Your unread notification count over a websocket: the count now, then a message whenever it changes (new notifications you may see, or you marking some read, from any tab or server process), at most about 4 a second. Needs notifications:read. */
  notificationsChanged: NotificationsUpdate;
};


/** Live updates over a websocket (graphql-transport-ws or graphql-ws). */
export type SubscriptionLeaderboardUpdatedArgs = {
  orgSlug: Scalars['String']['input'];
  quizId?: InputMaybe<Scalars['ID']['input']>;
  top?: Scalars['Int']['input'];
};


/** Live updates over a websocket (graphql-transport-ws or graphql-ws). */
export type SubscriptionNotificationsChangedArgs = {
  orgSlug: Scalars['String']['input'];
};

/** Setting up a platform admin's second factor (shown until confirmed). */
export type TotpEnrolment = {
  __typename?: 'TotpEnrolment';
  /** The otpauth:// URI an authenticator app reads (the QR code's content). */
  otpauthUri: Scalars['String']['output'];
  /** The URI as a QR code: an inline <svg> element, drawn by the server. */
  qrCodeSvg: Scalars['String']['output'];
  /** The TOTP secret (base32), to type into an authenticator app. */
  secret: Scalars['String']['output'];
};

/** New thresholds; an attempt is flagged when a count goes above one. */
export type UpdateIntegrityRulesInput = {
  /** Times many answers change at once: 0 to 100000; null: not checked; left out: unchanged. */
  maxBulkAnswerChanges?: InputMaybe<Scalars['Int']['input']>;
  /** Copies and pastes: 0 to 100000; null: not checked; left out: unchanged. */
  maxClipboardEvents?: InputMaybe<Scalars['Int']['input']>;
  /** Sessions per attempt: 1 to 9; null: not checked; left out: unchanged. */
  maxDevices?: InputMaybe<Scalars['Int']['input']>;
  /** Times full screen may be left: 0 to 100000; null: not checked; left out: unchanged. */
  maxFullscreenExits?: InputMaybe<Scalars['Int']['input']>;
  /** Seconds hidden in total: 0 to 100000; null: not checked; left out: unchanged. */
  maxHiddenSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** IP addresses per attempt: 1 to 9; null: not checked; left out: unchanged. */
  maxIpAddresses?: InputMaybe<Scalars['Int']['input']>;
  /** Times the quiz page may be hidden: 0 to 100000; null: not checked; left out: unchanged. */
  maxPageSwitches?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateIntegrityRulesPayload = {
  __typename?: 'UpdateIntegrityRulesPayload';
  /** The rules now. */
  rules: IntegrityRules;
};

/** Changes to a member; fields left out stay as they are. */
export type UpdateMemberInput = {
  /** Disable or re-enable. */
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new display name. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** The member's id. */
  id: Scalars['ID']['input'];
  /** A new role. */
  role?: InputMaybe<Role>;
};

export type UpdateMemberPayload = {
  __typename?: 'UpdateMemberPayload';
  member: Member;
};

/** The org's public face on its portal; fields left out stay. */
export type UpdateOrganizationBrandingInput = {
  /** An https:// address of an image (at most 500 characters); it replaces an uploaded logo. null removes the logo. Left out: unchanged. */
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  /** 1-200 characters. Left out: unchanged. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** #rrggbb, such as #1d4ed8; null for the default. Left out: unchanged. */
  primaryColor?: InputMaybe<Scalars['String']['input']>;
  /** A line under the name, at most 200 characters; null for none. Left out: unchanged. */
  tagline?: InputMaybe<Scalars['String']['input']>;
};

/** The org's settings; fields left out stay, null: the default. */
export type UpdateOrganizationSettingsInput = {
  /** For new keys whose creator names none; 1-10000. */
  defaultApiKeyRateLimitPerMinute?: InputMaybe<Scalars['Int']['input']>;
  /** Within Organization.settings.limits, at most the session lifetime. */
  sessionIdleTimeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Within Organization.settings.limits; reaches sessions signed in after. */
  sessionLifetimeSeconds?: InputMaybe<Scalars['Int']['input']>;
};

/** Changes to a quiz; fields left out stay as they are. */
export type UpdateQuizInput = {
  /** Null for none. */
  attemptsAllowed?: InputMaybe<Scalars['Int']['input']>;
  /** Whether passing (reaching passMarkPercent, which it then needs) earns the member a certificate, once per member; from the next pass on. */
  certificateOnPass?: InputMaybe<Scalars['Boolean']['input']>;
  /** Or null. */
  closesAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Or null. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The quiz's id. */
  id: Scalars['ID']['input'];
  /** Or null. */
  opensAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Null for none. */
  passMarkPercent?: InputMaybe<Scalars['Float']['input']>;
  /** Replaces all questions. Refused (CONFLICT) once the quiz has attempts. */
  questions?: InputMaybe<Array<QuestionInput>>;
  /** When members see the right answers and explanations of their closed attempts. */
  revealAnswers?: InputMaybe<AnswerReveal>;
  /**
   * True: AFTER_LAST_ATTEMPT; false: NEVER. Don't send it with revealAnswers.
   * @deprecated Use revealAnswers (answers shown after every submit let retakes copy them).
   */
  revealAnswersAfterSubmit?: InputMaybe<Scalars['Boolean']['input']>;
  /** Locked once the quiz has attempts. */
  shuffleOptions?: InputMaybe<Scalars['Boolean']['input']>;
  /** Locked once the quiz has attempts. */
  shuffleQuestions?: InputMaybe<Scalars['Boolean']['input']>;
  /** Null for none. */
  timeLimitSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** A new title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Change an endpoint; fields left out stay as they are. */
export type UpdateWebhookInput = {
  /** A new description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** false stops deliveries; true resumes them, pending ones included. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Event names (quiz.created, quiz.completed, user.registered, user.scored, leaderboard.updated, certificate.issued, tournament.started, tournament.ended, payment.received); empty (or left out) means every event. */
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The endpoint's id. */
  id: Scalars['ID']['input'];
  /** A new URL (checked as on create). */
  url?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateWebhookPayload = {
  __typename?: 'UpdateWebhookPayload';
  webhook: Webhook;
};

/** A logo to upload (GraphQL multipart request): a PNG, JPEG or WebP image within Organization.settings.limits.logoMaxBytes and 4096 x 4096 pixels. */
export type UploadOrganizationLogoInput = {
  /** The image file. */
  file: Scalars['Upload']['input'];
};

/** The caller of this request. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Anonymous, a member, an API key, or platform staff. */
  kind: ActorKind;
  /** The signed-in member; for a key, the member who created it. */
  member: Maybe<Member>;
  /** The organization the credential belongs to. */
  organization: Maybe<Organization>;
  /** The member's role; for a key, its creator's. */
  role: Maybe<Role>;
  /** Effective scopes, sorted. */
  scopes: Array<Scalars['String']['output']>;
};

/** An HTTPS endpoint that receives the org's events, signed as Standard Webhooks do. Its secret is shown once, when created or rotated. */
export type Webhook = Node & {
  __typename?: 'Webhook';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The delivery log, newest first. */
  deliveries: WebhookDeliveryConnection;
  /** What the endpoint is for. */
  description: Scalars['String']['output'];
  /** Why the server disabled it (a 410 answer, failing for days); null otherwise. */
  disabledReason: Maybe<Scalars['String']['output']>;
  /** A disabled endpoint gets nothing until enabled. */
  enabled: Scalars['Boolean']['output'];
  /** The event names it subscribed to; empty means every event. */
  events: Array<Scalars['String']['output']>;
  /** Recent delivery health. */
  health: WebhookHealth;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** ACTIVE, FAILING (its last tries failed) or DISABLED. */
  status: WebhookStatus;
  /** The events it receives (every event when events is empty). */
  subscribedEvents: Array<WebhookEvent>;
  /** Where events are POSTed. */
  url: Scalars['String']['output'];
};


/** An HTTPS endpoint that receives the org's events, signed as Standard Webhooks do. Its secret is shown once, when created or rotated. */
export type WebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of results with Relay cursors. */
export type WebhookConnection = {
  __typename?: 'WebhookConnection';
  /** Contains the nodes in this connection */
  edges: Array<WebhookEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One message to one endpoint, tried until it succeeds or runs out of tries. */
export type WebhookDelivery = Node & {
  __typename?: 'WebhookDelivery';
  /** How many tries were made. */
  attempt: Scalars['Int']['output'];
  /** When the event was written. */
  createdAt: Scalars['DateTime']['output'];
  /** The event's name, e.g. quiz.completed. */
  event: Scalars['String']['output'];
  /** The last try's HTTP status. */
  httpStatus: Maybe<Scalars['Int']['output']>;
  /** The Globally Unique ID of this object */
  id: Scalars['ID']['output'];
  /** When it was last tried. */
  lastAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** The message's id (msg_…): the webhook-id header and the body's id, the same on every try; give it to redeliverWebhookMessage. */
  messageId: Scalars['String']['output'];
  /** When it will be tried next; null once it succeeded or failed for good. */
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** PENDING, SUCCEEDED or FAILED. */
  status: WebhookDeliveryStatus;
  /** The tries, newest first (at most 20): time, status, duration and the answer's first bytes. */
  tries: Array<WebhookDeliveryTry>;
};

/** A page of results with Relay cursors. */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  /** Contains the nodes in this connection */
  edges: Array<WebhookDeliveryEdge>;
  /** Pagination data for this connection */
  pageInfo: PageInfo;
  /** How many items match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: WebhookDelivery;
};

/** PENDING until it succeeds (2xx) or fails for good (out of tries, or 410). */
export type WebhookDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

/** One try of a delivery: the delivery log's line. */
export type WebhookDeliveryTry = {
  __typename?: 'WebhookDeliveryTry';
  /** 1 for the first try, and so on. */
  attempt: Scalars['Int']['output'];
  /** When it was sent. */
  attemptedAt: Scalars['DateTime']['output'];
  /** Milliseconds until the answer (or failure). */
  durationMs: Scalars['Int']['output'];
  /** Why no answer came (timeout, refused connection, a refused address). */
  error: Maybe<Scalars['String']['output']>;
  /** The endpoint's HTTP status; null when no answer came. */
  httpStatus: Maybe<Scalars['Int']['output']>;
  /** When the next try was scheduled after this one; null if none. */
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** The answer's first 1,024 bytes (as text). */
  responseBody: Maybe<Scalars['String']['output']>;
};

/** An edge in a connection. */
export type WebhookEdge = {
  __typename?: 'WebhookEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Webhook;
};

/** The events an endpoint can subscribe to; each value's name is the event's name in capitals (QUIZ_COMPLETED is quiz.completed). Inputs take the names as strings. */
export type WebhookEvent =
  | 'CERTIFICATE_ISSUED'
  | 'LEADERBOARD_UPDATED'
  | 'PAYMENT_RECEIVED'
  | 'QUIZ_COMPLETED'
  | 'QUIZ_CREATED'
  | 'TOURNAMENT_ENDED'
  | 'TOURNAMENT_STARTED'
  | 'USER_REGISTERED'
  | 'USER_SCORED';

/** How an endpoint has been doing. */
export type WebhookHealth = {
  __typename?: 'WebhookHealth';
  /** Tries in the last 24 hours that failed. */
  failedLast24h: Scalars['Int']['output'];
  /** The first failure since the last success; null while healthy. */
  failingSince: Maybe<Scalars['DateTime']['output']>;
  /** The last failed try. */
  lastFailureAt: Maybe<Scalars['DateTime']['output']>;
  /** The last 2xx answer. */
  lastSuccessAt: Maybe<Scalars['DateTime']['output']>;
  /** Deliveries waiting for their (next) try. */
  pending: Scalars['Int']['output'];
  /** Tries in the last 24 hours that got a 2xx answer. */
  succeededLast24h: Scalars['Int']['output'];
};

/** Whether an endpoint gets deliveries. */
export type WebhookStatus =
  | 'ACTIVE'
  | 'DISABLED'
  | 'FAILING';

export type QuizStatisticsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  firstAttemptsOnly: Scalars['Boolean']['input'];
  since?: InputMaybe<Scalars['Date']['input']>;
  until?: InputMaybe<Scalars['Date']['input']>;
}>;


export type QuizStatisticsQuery = { __typename: 'Query', node: { __typename: 'ApiKey' } | { __typename: 'Attempt' } | { __typename: 'AttemptIntegrity' } | { __typename: 'AuditEvent' } | { __typename: 'Certificate' } | { __typename: 'IntegrityEvent' } | { __typename: 'Member' } | { __typename: 'Notification' } | { __typename: 'Organization' } | { __typename: 'PlatformApiKey' } | { __typename: 'PlatformAuditEvent' } | { __typename: 'Quiz', id: string, title: string, status: QuizStatus, passMarkPercent: number | null, statistics: { __typename: 'QuizStatistics', attempts: number, participants: number, completionRate: number | null, maxScore: number, mean: number | null, median: number | null, standardDeviation: number | null, passRate: number | null, averageTimeSeconds: number | null, cronbachAlpha: number | null, errorRatio: number | null, standardError: number | null, computedAt: string | null, itemAnalysisStatus: ItemAnalysisStatus, scoreDistribution: Array<{ __typename: 'ScoreBucket', low: number, high: number, attempts: number }>, questions: Array<{ __typename: 'QuestionStatistics', questionId: string, number: number, prompt: string, kind: string, maxPoints: number, answered: number, facilityIndex: number | null, standardDeviation: number | null, discriminationIndex: number | null, discriminativeEfficiency: number | null, flags: Array<QuestionFlag>, flagReasons: Array<string>, options: Array<{ __typename: 'OptionStatistics', optionId: string, text: string, correct: boolean | null, picks: number, share: number | null }> }> } | null } | { __typename: 'Webhook' } | { __typename: 'WebhookDelivery' } };

export type OrgAnalyticsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  interval: AnalyticsInterval;
  since?: InputMaybe<Scalars['Date']['input']>;
  until?: InputMaybe<Scalars['Date']['input']>;
}>;


export type OrgAnalyticsQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, analytics: { __typename: 'OrganizationAnalytics', since: any, until: any, interval: AnalyticsInterval, activeMembers: number, attempts: number, averagePercentage: number | null, timeline: Array<{ __typename: 'ActivityBucket', start: any, attempts: number, activeMembers: number, averagePercentage: number | null }>, topQuizzes: Array<{ __typename: 'QuizActivity', quizId: string, title: string, attempts: number, averagePercentage: number | null }>, members: { __typename: 'MemberProgressConnection', edges: Array<{ __typename: 'MemberProgressEdge', node: { __typename: 'MemberProgress', memberId: string, displayName: string, attempts: number, quizzesStarted: number, averagePercentage: number | null, lastActiveOn: any | null } }> } } | null } | null };

export type ApiKeyFieldsFragment = { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<string>, rateLimitPerMinute: number, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, enabled: boolean, revokedAt: string | null, createdBy: { __typename: 'Member', id: string, displayName: string } | null };

export type ApiKeysQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ApiKeysQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, apiAccessEnabled: boolean, apiKeys: { __typename: 'ApiKeyConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'ApiKeyEdge', cursor: string, node: { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<string>, rateLimitPerMinute: number, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, enabled: boolean, revokedAt: string | null, createdBy: { __typename: 'Member', id: string, displayName: string } | null } }> } | null } | null };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { __typename: 'Mutation', createApiKey: { __typename: 'CreateApiKeyPayload', secret: string, apiKey: { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<string>, rateLimitPerMinute: number, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, enabled: boolean, revokedAt: string | null, createdBy: { __typename: 'Member', id: string, displayName: string } | null } } };

export type SetApiKeyEnabledMutationVariables = Exact<{
  input: SetApiKeyEnabledInput;
}>;


export type SetApiKeyEnabledMutation = { __typename: 'Mutation', setApiKeyEnabled: { __typename: 'SetApiKeyEnabledPayload', apiKey: { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<string>, rateLimitPerMinute: number, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, enabled: boolean, revokedAt: string | null, createdBy: { __typename: 'Member', id: string, displayName: string } | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { __typename: 'Mutation', revokeApiKey: { __typename: 'RevokeApiKeyPayload', apiKey: { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<string>, rateLimitPerMinute: number, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, enabled: boolean, revokedAt: string | null, createdBy: { __typename: 'Member', id: string, displayName: string } | null } } };

export type RotateApiKeyMutationVariables = Exact<{
  input: RotateApiKeyInput;
}>;


export type RotateApiKeyMutation = { __typename: 'Mutation', rotateApiKey: { __typename: 'RotateApiKeyPayload', secret: string, apiKey: { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<string>, rateLimitPerMinute: number, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, enabled: boolean, revokedAt: string | null, createdBy: { __typename: 'Member', id: string, displayName: string } | null } } };

export type SetApiAccessMutationVariables = Exact<{
  input: SetApiAccessInput;
}>;


export type SetApiAccessMutation = { __typename: 'Mutation', setApiAccess: { __typename: 'SetApiAccessPayload', organization: { __typename: 'Organization', id: string, apiAccessEnabled: boolean } } };

export type AuditEntryFieldsFragment = { __typename: 'AuditEvent', id: string, action: string, actorKind: string, actorLabel: string, targetType: string | null, targetId: string | null, targetLabel: string | null, targetNodeId: string | null, details: unknown, ip: string | null, userAgent: string | null, createdAt: string, actionInfo: { __typename: 'AuditAction', label: string, areaLabel: string } | null };

export type AuditLogQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  action?: InputMaybe<Scalars['String']['input']>;
  area?: InputMaybe<Scalars['String']['input']>;
  excludeActions?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  actor?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type AuditLogQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, auditLog: { __typename: 'AuditEventConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'AuditEventEdge', cursor: string, node: { __typename: 'AuditEvent', id: string, action: string, actorKind: string, actorLabel: string, targetType: string | null, targetId: string | null, targetLabel: string | null, targetNodeId: string | null, details: unknown, ip: string | null, userAgent: string | null, createdAt: string, actionInfo: { __typename: 'AuditAction', label: string, areaLabel: string } | null } }> } | null } | null };

export type AuditActionsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type AuditActionsQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, auditActions: Array<{ __typename: 'AuditAction', action: string, label: string, area: string, areaLabel: string }> | null } | null };

export type AuditActorsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type AuditActorsQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, members: { __typename: 'MemberConnection', edges: Array<{ __typename: 'MemberEdge', node: { __typename: 'Member', id: string, displayName: string, username: string } }> } | null } | null };

export type CertificateFieldsFragment = { __typename: 'Certificate', id: string, kind: CertificateKind, code: string, holderName: string, title: string, score: number | null, maxScore: number | null, percentage: number | null, rank: number | null, issuedAt: string, valid: boolean, revokedAt: string | null, revocationReason: string | null, revocationReasonPublic: boolean, verificationUrl: string, pdfUrl: string };

export type CertificatesQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  revoked?: InputMaybe<Scalars['Boolean']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type CertificatesQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, certificates: { __typename: 'CertificateConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'CertificateEdge', cursor: string, node: { __typename: 'Certificate', id: string, kind: CertificateKind, code: string, holderName: string, title: string, score: number | null, maxScore: number | null, percentage: number | null, rank: number | null, issuedAt: string, valid: boolean, revokedAt: string | null, revocationReason: string | null, revocationReasonPublic: boolean, verificationUrl: string, pdfUrl: string } }> } | null } | null };

export type RevokeCertificateMutationVariables = Exact<{
  input: RevokeCertificateInput;
}>;


export type RevokeCertificateMutation = { __typename: 'Mutation', revokeCertificate: { __typename: 'RevokeCertificatePayload', certificate: { __typename: 'Certificate', id: string, kind: CertificateKind, code: string, holderName: string, title: string, score: number | null, maxScore: number | null, percentage: number | null, rank: number | null, issuedAt: string, valid: boolean, revokedAt: string | null, revocationReason: string | null, revocationReasonPublic: boolean, verificationUrl: string, pdfUrl: string } } };

export type IntegrityNoticeQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type IntegrityNoticeQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, integrityNotice: string | null } | null };

export type ReportIntegrityEventMutationVariables = Exact<{
  input: ReportIntegrityEventInput;
}>;


export type ReportIntegrityEventMutation = { __typename: 'Mutation', reportIntegrityEvent: { __typename: 'ReportIntegrityEventPayload', event: { __typename: 'IntegrityEvent', id: string, type: IntegrityEventType } } };

export type AttemptIntegrityFieldsFragment = { __typename: 'AttemptIntegrity', id: string, attemptId: string, quizId: string, quizTitle: string | null, pageSwitches: number, hiddenSeconds: number, fullscreenExits: number, clipboardEvents: number, bulkAnswerChanges: number, ipAddressCount: number, deviceCount: number, eventCount: number, hiddenSince: string | null, lastEventAt: string | null, flagged: boolean, flaggedAt: string | null, flagReasons: Array<{ __typename: 'IntegrityFlagReason', code: string, description: string }>, review: { __typename: 'IntegrityReview', outcome: ReviewOutcome, note: string | null, reviewedAt: string, reviewerId: string | null } | null, participant: { __typename: 'Participant', id: string, displayName: string } | null };

export type IntegrityAttemptsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  flagged?: InputMaybe<Scalars['Boolean']['input']>;
  unreviewed?: InputMaybe<Scalars['Boolean']['input']>;
  attemptId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type IntegrityAttemptsQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, integrityAttempts: { __typename: 'AttemptIntegrityConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'AttemptIntegrityEdge', cursor: string, node: { __typename: 'AttemptIntegrity', id: string, attemptId: string, quizId: string, quizTitle: string | null, pageSwitches: number, hiddenSeconds: number, fullscreenExits: number, clipboardEvents: number, bulkAnswerChanges: number, ipAddressCount: number, deviceCount: number, eventCount: number, hiddenSince: string | null, lastEventAt: string | null, flagged: boolean, flaggedAt: string | null, flagReasons: Array<{ __typename: 'IntegrityFlagReason', code: string, description: string }>, review: { __typename: 'IntegrityReview', outcome: ReviewOutcome, note: string | null, reviewedAt: string, reviewerId: string | null } | null, participant: { __typename: 'Participant', id: string, displayName: string } | null } }> } | null } | null };

export type IntegrityTimelineQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type IntegrityTimelineQuery = { __typename: 'Query', node: { __typename: 'ApiKey' } | { __typename: 'Attempt' } | { __typename: 'AttemptIntegrity', id: string, timeline: { __typename: 'IntegrityEventConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'IntegrityEventEdge', node: { __typename: 'IntegrityEvent', id: string, type: IntegrityEventType, occurredAt: string, recordedAt: string, description: string, ipAddress: string | null } }> } } | { __typename: 'AuditEvent' } | { __typename: 'Certificate' } | { __typename: 'IntegrityEvent' } | { __typename: 'Member' } | { __typename: 'Notification' } | { __typename: 'Organization' } | { __typename: 'PlatformApiKey' } | { __typename: 'PlatformAuditEvent' } | { __typename: 'Quiz' } | { __typename: 'Webhook' } | { __typename: 'WebhookDelivery' } };

export type ReviewIntegrityFlagMutationVariables = Exact<{
  input: ReviewIntegrityFlagInput;
}>;


export type ReviewIntegrityFlagMutation = { __typename: 'Mutation', reviewIntegrityFlag: { __typename: 'ReviewIntegrityFlagPayload', attemptIntegrity: { __typename: 'AttemptIntegrity', id: string, attemptId: string, quizId: string, quizTitle: string | null, pageSwitches: number, hiddenSeconds: number, fullscreenExits: number, clipboardEvents: number, bulkAnswerChanges: number, ipAddressCount: number, deviceCount: number, eventCount: number, hiddenSince: string | null, lastEventAt: string | null, flagged: boolean, flaggedAt: string | null, flagReasons: Array<{ __typename: 'IntegrityFlagReason', code: string, description: string }>, review: { __typename: 'IntegrityReview', outcome: ReviewOutcome, note: string | null, reviewedAt: string, reviewerId: string | null } | null, participant: { __typename: 'Participant', id: string, displayName: string } | null } } };

export type IntegrityRulesFieldsFragment = { __typename: 'IntegrityRules', maxPageSwitches: number | null, maxHiddenSeconds: number | null, maxIpAddresses: number | null, maxDevices: number | null, maxFullscreenExits: number | null, maxClipboardEvents: number | null, maxBulkAnswerChanges: number | null };

export type IntegrityRulesQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type IntegrityRulesQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, integrityRules: { __typename: 'IntegrityRules', maxPageSwitches: number | null, maxHiddenSeconds: number | null, maxIpAddresses: number | null, maxDevices: number | null, maxFullscreenExits: number | null, maxClipboardEvents: number | null, maxBulkAnswerChanges: number | null } | null } | null };

export type UpdateIntegrityRulesMutationVariables = Exact<{
  input: UpdateIntegrityRulesInput;
}>;


export type UpdateIntegrityRulesMutation = { __typename: 'Mutation', updateIntegrityRules: { __typename: 'UpdateIntegrityRulesPayload', rules: { __typename: 'IntegrityRules', maxPageSwitches: number | null, maxHiddenSeconds: number | null, maxIpAddresses: number | null, maxDevices: number | null, maxFullscreenExits: number | null, maxClipboardEvents: number | null, maxBulkAnswerChanges: number | null } } };

export type LeaderboardEntryFieldsFragment = { __typename: 'LeaderboardEntry', rank: number, memberId: string, displayName: string, score: number, attempts: number, lastActivityAt: string, timeTakenSeconds: number | null };

export type LeaderboardQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  quizId?: InputMaybe<Scalars['ID']['input']>;
  window: LeaderboardWindow;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type LeaderboardQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, leaderboard: { __typename: 'LeaderboardConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'LeaderboardEdge', cursor: string, node: { __typename: 'LeaderboardEntry', rank: number, memberId: string, displayName: string, score: number, attempts: number, lastActivityAt: string, timeTakenSeconds: number | null } }>, myRank: { __typename: 'LeaderboardEntry', rank: number, memberId: string, displayName: string, score: number, attempts: number, lastActivityAt: string, timeTakenSeconds: number | null } | null } | null } | null };

export type MyRankQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  quizId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type MyRankQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, leaderboard: { __typename: 'LeaderboardConnection', totalCount: number, myRank: { __typename: 'LeaderboardEntry', rank: number, memberId: string, displayName: string, score: number, attempts: number, lastActivityAt: string, timeTakenSeconds: number | null } | null } | null } | null };

export type LeaderboardQuizzesQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type LeaderboardQuizzesQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, quizzes: { __typename: 'QuizConnection', edges: Array<{ __typename: 'QuizEdge', node: { __typename: 'Quiz', id: string, title: string, status: QuizStatus } }> } | null } | null };

export type LeaderboardUpdatedSubscriptionVariables = Exact<{
  slug: Scalars['String']['input'];
  quizId?: InputMaybe<Scalars['ID']['input']>;
  top: Scalars['Int']['input'];
}>;


export type LeaderboardUpdatedSubscription = { __typename?: 'Subscription', leaderboardUpdated: { __typename: 'LeaderboardUpdate', quizId: string | null, entries: Array<{ __typename: 'LeaderboardEntry', rank: number, memberId: string, displayName: string, score: number, attempts: number, lastActivityAt: string, timeTakenSeconds: number | null }>, changed: { __typename: 'LeaderboardEntry', rank: number, memberId: string, displayName: string, score: number, attempts: number, lastActivityAt: string, timeTakenSeconds: number | null } | null } };

export type MemberFieldsFragment = { __typename: 'Member', id: string, username: string, displayName: string, role: Role, disabled: boolean, createdAt: string };

export type MembersQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type MembersQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, members: { __typename: 'MemberConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'MemberEdge', cursor: string, node: { __typename: 'Member', id: string, username: string, displayName: string, role: Role, disabled: boolean, createdAt: string } }> } | null } | null };

export type AddMemberMutationVariables = Exact<{
  input: AddMemberInput;
}>;


export type AddMemberMutation = { __typename: 'Mutation', addMember: { __typename: 'AddMemberPayload', member: { __typename: 'Member', id: string, username: string, displayName: string, role: Role, disabled: boolean, createdAt: string } } };

export type UpdateMemberMutationVariables = Exact<{
  input: UpdateMemberInput;
}>;


export type UpdateMemberMutation = { __typename: 'Mutation', updateMember: { __typename: 'UpdateMemberPayload', member: { __typename: 'Member', id: string, username: string, displayName: string, role: Role, disabled: boolean, createdAt: string } } };

export type RemoveMemberMutationVariables = Exact<{
  input: RemoveMemberInput;
}>;


export type RemoveMemberMutation = { __typename: 'Mutation', removeMember: { __typename: 'RemoveMemberPayload', removedId: string } };

export type NotificationFieldsFragment = { __typename: 'Notification', id: string, type: NotificationType, title: string, body: string, link: string, createdAt: string, read: boolean, readAt: string | null };

export type NotificationsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  unread?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type NotificationsQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, notifications: { __typename: 'NotificationConnection', totalCount: number, unreadCount: number, edges: Array<{ __typename: 'NotificationEdge', node: { __typename: 'Notification', id: string, type: NotificationType, title: string, body: string, link: string, createdAt: string, read: boolean, readAt: string | null } }> } } | null };

export type NotificationsChangedSubscriptionVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type NotificationsChangedSubscription = { __typename?: 'Subscription', notificationsChanged: { __typename: 'NotificationsUpdate', unreadCount: number } };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { __typename: 'Mutation', markNotificationsRead: { __typename: 'MarkNotificationsReadPayload', markedCount: number, unreadCount: number, notifications: Array<{ __typename: 'Notification', id: string, type: NotificationType, title: string, body: string, link: string, createdAt: string, read: boolean, readAt: string | null }> } };

export type QuizFieldsFragment = { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean };

export type QuizzesQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<QuizStatus>;
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type QuizzesQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, quizzes: { __typename: 'QuizConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'QuizEdge', cursor: string, node: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } }> } | null } | null };

export type QuizEditorFieldsFragment = { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean, questionsWithAnswers: Array<{ __typename: 'AuthoredQuestion', id: string, number: number, kind: QuestionKind, prompt: string, points: number, explanation: string | null, acceptedAnswers: Array<string>, numericValue: number | null, numericTolerance: number, options: Array<{ __typename: 'AuthoredOption', id: string, text: string, correct: boolean }> }> };

export type QuizEditorQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  slug: Scalars['String']['input'];
}>;


export type QuizEditorQuery = { __typename: 'Query', node: { __typename: 'ApiKey' } | { __typename: 'Attempt' } | { __typename: 'AttemptIntegrity' } | { __typename: 'AuditEvent' } | { __typename: 'Certificate' } | { __typename: 'IntegrityEvent' } | { __typename: 'Member' } | { __typename: 'Notification' } | { __typename: 'Organization' } | { __typename: 'PlatformApiKey' } | { __typename: 'PlatformAuditEvent' } | { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean, questionsWithAnswers: Array<{ __typename: 'AuthoredQuestion', id: string, number: number, kind: QuestionKind, prompt: string, points: number, explanation: string | null, acceptedAnswers: Array<string>, numericValue: number | null, numericTolerance: number, options: Array<{ __typename: 'AuthoredOption', id: string, text: string, correct: boolean }> }> } | { __typename: 'Webhook' } | { __typename: 'WebhookDelivery' }, organization: { __typename: 'Organization', id: string, attempts: { __typename: 'AttemptConnection', totalCount: number } | null } | null };

export type CreateQuizMutationVariables = Exact<{
  input: CreateQuizInput;
}>;


export type CreateQuizMutation = { __typename: 'Mutation', createQuiz: { __typename: 'QuizPayload', quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean, questionsWithAnswers: Array<{ __typename: 'AuthoredQuestion', id: string, number: number, kind: QuestionKind, prompt: string, points: number, explanation: string | null, acceptedAnswers: Array<string>, numericValue: number | null, numericTolerance: number, options: Array<{ __typename: 'AuthoredOption', id: string, text: string, correct: boolean }> }> } } };

export type UpdateQuizMutationVariables = Exact<{
  input: UpdateQuizInput;
}>;


export type UpdateQuizMutation = { __typename: 'Mutation', updateQuiz: { __typename: 'QuizPayload', quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean, questionsWithAnswers: Array<{ __typename: 'AuthoredQuestion', id: string, number: number, kind: QuestionKind, prompt: string, points: number, explanation: string | null, acceptedAnswers: Array<string>, numericValue: number | null, numericTolerance: number, options: Array<{ __typename: 'AuthoredOption', id: string, text: string, correct: boolean }> }> } } };

export type PublishQuizMutationVariables = Exact<{
  input: QuizIdInput;
}>;


export type PublishQuizMutation = { __typename: 'Mutation', publishQuiz: { __typename: 'QuizPayload', quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } } };

export type ArchiveQuizMutationVariables = Exact<{
  input: QuizIdInput;
}>;


export type ArchiveQuizMutation = { __typename: 'Mutation', archiveQuiz: { __typename: 'QuizPayload', quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } } };

export type DuplicateQuizMutationVariables = Exact<{
  input: DuplicateQuizInput;
}>;


export type DuplicateQuizMutation = { __typename: 'Mutation', duplicateQuiz: { __typename: 'QuizPayload', quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } } };

export type ImportQuizMutationVariables = Exact<{
  input: ImportQuizInput;
}>;


export type ImportQuizMutation = { __typename: 'Mutation', importQuiz: { __typename: 'ImportQuizPayload', format: QuizImportFormat | null, importedQuestions: number, problems: Array<{ __typename: 'ImportProblem', line: number | null, message: string }>, quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } | null } };

export type ViewerFieldsFragment = { __typename: 'Viewer', kind: ActorKind, role: Role | null, scopes: Array<string>, member: { __typename: 'Member', id: string, username: string, displayName: string, role: Role } | null, organization: { __typename: 'Organization', id: string, slug: string, name: string } | null };

export type AccessModelFieldsFragment = { __typename: 'AccessModel', roles: Array<{ __typename: 'RoleDefinition', role: Role, scopes: Array<string>, ownRecordsOnly: Array<string> }>, scopes: Array<{ __typename: 'ScopeDefinition', name: string, description: string, resource: string, resourceLabel: string, roles: Array<Role>, grantableToKeys: boolean }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', kind: ActorKind, role: Role | null, scopes: Array<string>, member: { __typename: 'Member', id: string, username: string, displayName: string, role: Role } | null, organization: { __typename: 'Organization', id: string, slug: string, name: string } | null }, accessModel: { __typename: 'AccessModel', roles: Array<{ __typename: 'RoleDefinition', role: Role, scopes: Array<string>, ownRecordsOnly: Array<string> }>, scopes: Array<{ __typename: 'ScopeDefinition', name: string, description: string, resource: string, resourceLabel: string, roles: Array<Role>, grantableToKeys: boolean }> } };

export type PublicOrganizationQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type PublicOrganizationQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, slug: string, name: string, branding: { __typename: 'Branding', primaryColor: string | null, logoUrl: string | null, tagline: string | null } } | null };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { __typename: 'Mutation', login: { __typename: 'LoginPayload', viewer: { __typename: 'Viewer', kind: ActorKind, role: Role | null, scopes: Array<string>, member: { __typename: 'Member', id: string, username: string, displayName: string, role: Role } | null, organization: { __typename: 'Organization', id: string, slug: string, name: string } | null } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { __typename: 'Mutation', logout: { __typename: 'LogoutPayload', ok: boolean } };

export type AttemptSummaryFragment = { __typename: 'Attempt', id: string, number: number, status: AttemptStatus, quizVersion: number, quizTitle: string, startedAt: string, deadline: string | null, closedAt: string | null, score: number | null, maxScore: number, percentage: number | null, passed: boolean | null, quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } | null };

export type OpenQuizzesQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type OpenQuizzesQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, quizzes: { __typename: 'QuizConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'QuizEdge', cursor: string, node: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } }> } | null } | null };

export type MyAttemptsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type MyAttemptsQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, attempts: { __typename: 'AttemptConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'AttemptEdge', node: { __typename: 'Attempt', id: string, number: number, status: AttemptStatus, quizVersion: number, quizTitle: string, startedAt: string, deadline: string | null, closedAt: string | null, score: number | null, maxScore: number, percentage: number | null, passed: boolean | null, quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } | null } }> } | null } | null };

export type AttemptFieldsFragment = { __typename: 'Attempt', id: string, number: number, status: AttemptStatus, quizVersion: number, quizTitle: string, startedAt: string, deadline: string | null, closedAt: string | null, score: number | null, maxScore: number, percentage: number | null, passed: boolean | null, questions: Array<{ __typename: 'Question', id: string, number: number, kind: QuestionKind, prompt: string, points: number, options: Array<{ __typename: 'Option', id: string, text: string }> }>, results: Array<{ __typename: 'QuestionResult', answered: boolean, correct: boolean, pointsAwarded: number, selectedOptionIds: Array<string>, text: string | null, number: number | null, question: { __typename: 'Question', id: string, number: number, kind: QuestionKind, prompt: string, points: number, options: Array<{ __typename: 'Option', id: string, text: string }> }, revealed: { __typename: 'RevealedAnswer', correctOptionIds: Array<string>, acceptedAnswers: Array<string>, numericValue: number | null, numericTolerance: number | null, explanation: string | null } | null }> | null, quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } | null };

export type AttemptQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AttemptQuery = { __typename: 'Query', node: { __typename: 'ApiKey' } | { __typename: 'Attempt', id: string, number: number, status: AttemptStatus, quizVersion: number, quizTitle: string, startedAt: string, deadline: string | null, closedAt: string | null, score: number | null, maxScore: number, percentage: number | null, passed: boolean | null, questions: Array<{ __typename: 'Question', id: string, number: number, kind: QuestionKind, prompt: string, points: number, options: Array<{ __typename: 'Option', id: string, text: string }> }>, results: Array<{ __typename: 'QuestionResult', answered: boolean, correct: boolean, pointsAwarded: number, selectedOptionIds: Array<string>, text: string | null, number: number | null, question: { __typename: 'Question', id: string, number: number, kind: QuestionKind, prompt: string, points: number, options: Array<{ __typename: 'Option', id: string, text: string }> }, revealed: { __typename: 'RevealedAnswer', correctOptionIds: Array<string>, acceptedAnswers: Array<string>, numericValue: number | null, numericTolerance: number | null, explanation: string | null } | null }> | null, quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } | null } | { __typename: 'AttemptIntegrity' } | { __typename: 'AuditEvent' } | { __typename: 'Certificate' } | { __typename: 'IntegrityEvent' } | { __typename: 'Member' } | { __typename: 'Notification' } | { __typename: 'Organization' } | { __typename: 'PlatformApiKey' } | { __typename: 'PlatformAuditEvent' } | { __typename: 'Quiz' } | { __typename: 'Webhook' } | { __typename: 'WebhookDelivery' } };

export type StartAttemptMutationVariables = Exact<{
  input: StartAttemptInput;
}>;


export type StartAttemptMutation = { __typename: 'Mutation', startAttempt: { __typename: 'AttemptPayload', attempt: { __typename: 'Attempt', id: string, number: number, status: AttemptStatus, quizVersion: number, quizTitle: string, startedAt: string, deadline: string | null, closedAt: string | null, score: number | null, maxScore: number, percentage: number | null, passed: boolean | null, questions: Array<{ __typename: 'Question', id: string, number: number, kind: QuestionKind, prompt: string, points: number, options: Array<{ __typename: 'Option', id: string, text: string }> }>, results: Array<{ __typename: 'QuestionResult', answered: boolean, correct: boolean, pointsAwarded: number, selectedOptionIds: Array<string>, text: string | null, number: number | null, question: { __typename: 'Question', id: string, number: number, kind: QuestionKind, prompt: string, points: number, options: Array<{ __typename: 'Option', id: string, text: string }> }, revealed: { __typename: 'RevealedAnswer', correctOptionIds: Array<string>, acceptedAnswers: Array<string>, numericValue: number | null, numericTolerance: number | null, explanation: string | null } | null }> | null, quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } | null } } };

export type SaveAttemptAnswersMutationVariables = Exact<{
  input: AttemptAnswersInput;
}>;


export type SaveAttemptAnswersMutation = { __typename: 'Mutation', saveAttemptAnswers: { __typename: 'AttemptPayload', attempt: { __typename: 'Attempt', id: string, number: number, status: AttemptStatus, quizVersion: number, quizTitle: string, startedAt: string, deadline: string | null, closedAt: string | null, score: number | null, maxScore: number, percentage: number | null, passed: boolean | null, quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } | null } } };

export type SubmitAttemptMutationVariables = Exact<{
  input: AttemptAnswersInput;
}>;


export type SubmitAttemptMutation = { __typename: 'Mutation', submitAttempt: { __typename: 'AttemptPayload', attempt: { __typename: 'Attempt', id: string, number: number, status: AttemptStatus, quizVersion: number, quizTitle: string, startedAt: string, deadline: string | null, closedAt: string | null, score: number | null, maxScore: number, percentage: number | null, passed: boolean | null, questions: Array<{ __typename: 'Question', id: string, number: number, kind: QuestionKind, prompt: string, points: number, options: Array<{ __typename: 'Option', id: string, text: string }> }>, results: Array<{ __typename: 'QuestionResult', answered: boolean, correct: boolean, pointsAwarded: number, selectedOptionIds: Array<string>, text: string | null, number: number | null, question: { __typename: 'Question', id: string, number: number, kind: QuestionKind, prompt: string, points: number, options: Array<{ __typename: 'Option', id: string, text: string }> }, revealed: { __typename: 'RevealedAnswer', correctOptionIds: Array<string>, acceptedAnswers: Array<string>, numericValue: number | null, numericTolerance: number | null, explanation: string | null } | null }> | null, quiz: { __typename: 'Quiz', id: string, title: string, description: string | null, status: QuizStatus, version: number, timeLimitSeconds: number | null, attemptsAllowed: number | null, passMarkPercent: number | null, shuffleQuestions: boolean, shuffleOptions: boolean, revealAnswers: AnswerReveal, certificateOnPass: boolean, opensAt: string | null, closesAt: string | null, questionCount: number, maxPoints: number, updatedAt: string, publishedAt: string | null, isOpen: boolean } | null } } };

export type WebhookFieldsFragment = { __typename: 'Webhook', id: string, url: string, description: string, events: Array<string>, subscribedEvents: Array<WebhookEvent>, enabled: boolean, status: WebhookStatus, disabledReason: string | null, createdAt: string, health: { __typename: 'WebhookHealth', failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pending: number, succeededLast24h: number, failedLast24h: number } };

export type WebhookDeliveryFieldsFragment = { __typename: 'WebhookDelivery', id: string, messageId: string, event: string, attempt: number, status: WebhookDeliveryStatus, httpStatus: number | null, createdAt: string, lastAttemptAt: string | null, nextAttemptAt: string | null, tries: Array<{ __typename: 'WebhookDeliveryTry', attempt: number, attemptedAt: string, httpStatus: number | null, durationMs: number, responseBody: string | null, error: string | null, nextAttemptAt: string | null }> };

export type WebhooksQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebhooksQuery = { __typename: 'Query', organization: { __typename: 'Organization', id: string, webhooks: { __typename: 'WebhookConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'WebhookEdge', cursor: string, node: { __typename: 'Webhook', id: string, url: string, description: string, events: Array<string>, subscribedEvents: Array<WebhookEvent>, enabled: boolean, status: WebhookStatus, disabledReason: string | null, createdAt: string, health: { __typename: 'WebhookHealth', failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pending: number, succeededLast24h: number, failedLast24h: number } } }> } | null } | null };

export type WebhookDeliveriesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebhookDeliveriesQuery = { __typename: 'Query', node: { __typename: 'ApiKey' } | { __typename: 'Attempt' } | { __typename: 'AttemptIntegrity' } | { __typename: 'AuditEvent' } | { __typename: 'Certificate' } | { __typename: 'IntegrityEvent' } | { __typename: 'Member' } | { __typename: 'Notification' } | { __typename: 'Organization' } | { __typename: 'PlatformApiKey' } | { __typename: 'PlatformAuditEvent' } | { __typename: 'Quiz' } | { __typename: 'Webhook', id: string, url: string, description: string, events: Array<string>, subscribedEvents: Array<WebhookEvent>, enabled: boolean, status: WebhookStatus, disabledReason: string | null, createdAt: string, deliveries: { __typename: 'WebhookDeliveryConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'WebhookDeliveryEdge', cursor: string, node: { __typename: 'WebhookDelivery', id: string, messageId: string, event: string, attempt: number, status: WebhookDeliveryStatus, httpStatus: number | null, createdAt: string, lastAttemptAt: string | null, nextAttemptAt: string | null, tries: Array<{ __typename: 'WebhookDeliveryTry', attempt: number, attemptedAt: string, httpStatus: number | null, durationMs: number, responseBody: string | null, error: string | null, nextAttemptAt: string | null }> } }> }, health: { __typename: 'WebhookHealth', failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pending: number, succeededLast24h: number, failedLast24h: number } } | { __typename: 'WebhookDelivery' } };

export type CreateWebhookMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;


export type CreateWebhookMutation = { __typename: 'Mutation', createWebhook: { __typename: 'CreateWebhookPayload', secret: string, webhook: { __typename: 'Webhook', id: string, url: string, description: string, events: Array<string>, subscribedEvents: Array<WebhookEvent>, enabled: boolean, status: WebhookStatus, disabledReason: string | null, createdAt: string, health: { __typename: 'WebhookHealth', failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pending: number, succeededLast24h: number, failedLast24h: number } } } };

export type UpdateWebhookMutationVariables = Exact<{
  input: UpdateWebhookInput;
}>;


export type UpdateWebhookMutation = { __typename: 'Mutation', updateWebhook: { __typename: 'UpdateWebhookPayload', webhook: { __typename: 'Webhook', id: string, url: string, description: string, events: Array<string>, subscribedEvents: Array<WebhookEvent>, enabled: boolean, status: WebhookStatus, disabledReason: string | null, createdAt: string, health: { __typename: 'WebhookHealth', failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pending: number, succeededLast24h: number, failedLast24h: number } } } };

export type DeleteWebhookMutationVariables = Exact<{
  input: DeleteWebhookInput;
}>;


export type DeleteWebhookMutation = { __typename: 'Mutation', deleteWebhook: { __typename: 'DeleteWebhookPayload', deletedId: string } };

export type RotateWebhookSecretMutationVariables = Exact<{
  input: RotateWebhookSecretInput;
}>;


export type RotateWebhookSecretMutation = { __typename: 'Mutation', rotateWebhookSecret: { __typename: 'RotateWebhookSecretPayload', secret: string, webhook: { __typename: 'Webhook', id: string, url: string, description: string, events: Array<string>, subscribedEvents: Array<WebhookEvent>, enabled: boolean, status: WebhookStatus, disabledReason: string | null, createdAt: string, health: { __typename: 'WebhookHealth', failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pending: number, succeededLast24h: number, failedLast24h: number } } } };

export type PingWebhookMutationVariables = Exact<{
  input: PingWebhookInput;
}>;


export type PingWebhookMutation = { __typename: 'Mutation', pingWebhook: { __typename: 'PingWebhookPayload', delivery: { __typename: 'WebhookDelivery', id: string, messageId: string, event: string, attempt: number, status: WebhookDeliveryStatus, httpStatus: number | null, createdAt: string, lastAttemptAt: string | null, nextAttemptAt: string | null, tries: Array<{ __typename: 'WebhookDeliveryTry', attempt: number, attemptedAt: string, httpStatus: number | null, durationMs: number, responseBody: string | null, error: string | null, nextAttemptAt: string | null }> } } };

export type RedeliverWebhookMessageMutationVariables = Exact<{
  input: RedeliverWebhookMessageInput;
}>;


export type RedeliverWebhookMessageMutation = { __typename: 'Mutation', redeliverWebhookMessage: { __typename: 'RedeliverWebhookMessagePayload', deliveries: Array<{ __typename: 'WebhookDelivery', id: string, messageId: string, event: string, attempt: number, status: WebhookDeliveryStatus, httpStatus: number | null, createdAt: string, lastAttemptAt: string | null, nextAttemptAt: string | null, tries: Array<{ __typename: 'WebhookDeliveryTry', attempt: number, attemptedAt: string, httpStatus: number | null, durationMs: number, responseBody: string | null, error: string | null, nextAttemptAt: string | null }> }> } };

export const ApiKeyFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitPerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ApiKeyFieldsFragment, unknown>;
export const AuditEntryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorKind"}},{"kind":"Field","name":{"kind":"Name","value":"actorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"targetLabel"}},{"kind":"Field","name":{"kind":"Name","value":"targetNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"actionInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"areaLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<AuditEntryFieldsFragment, unknown>;
export const CertificateFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CertificateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revocationReason"}},{"kind":"Field","name":{"kind":"Name","value":"revocationReasonPublic"}},{"kind":"Field","name":{"kind":"Name","value":"verificationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"pdfUrl"}}]}}]} as unknown as DocumentNode<CertificateFieldsFragment, unknown>;
export const AttemptIntegrityFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptIntegrityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttemptIntegrity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attemptId"}},{"kind":"Field","name":{"kind":"Name","value":"quizId"}},{"kind":"Field","name":{"kind":"Name","value":"quizTitle"}},{"kind":"Field","name":{"kind":"Name","value":"pageSwitches"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"fullscreenExits"}},{"kind":"Field","name":{"kind":"Name","value":"clipboardEvents"}},{"kind":"Field","name":{"kind":"Name","value":"bulkAnswerChanges"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddressCount"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventAt"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}},{"kind":"Field","name":{"kind":"Name","value":"flaggedAt"}},{"kind":"Field","name":{"kind":"Name","value":"flagReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<AttemptIntegrityFieldsFragment, unknown>;
export const IntegrityRulesFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IntegrityRulesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntegrityRules"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"maxPageSwitches"}},{"kind":"Field","name":{"kind":"Name","value":"maxHiddenSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"maxIpAddresses"}},{"kind":"Field","name":{"kind":"Name","value":"maxDevices"}},{"kind":"Field","name":{"kind":"Name","value":"maxFullscreenExits"}},{"kind":"Field","name":{"kind":"Name","value":"maxClipboardEvents"}},{"kind":"Field","name":{"kind":"Name","value":"maxBulkAnswerChanges"}}]}}]} as unknown as DocumentNode<IntegrityRulesFieldsFragment, unknown>;
export const LeaderboardEntryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeaderboardEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LeaderboardEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastActivityAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeTakenSeconds"}}]}}]} as unknown as DocumentNode<LeaderboardEntryFieldsFragment, unknown>;
export const MemberFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Member"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<MemberFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]} as unknown as DocumentNode<NotificationFieldsFragment, unknown>;
export const QuizFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}}]} as unknown as DocumentNode<QuizFieldsFragment, unknown>;
export const QuizEditorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizEditorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}},{"kind":"Field","name":{"kind":"Name","value":"questionsWithAnswers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"numericValue"}},{"kind":"Field","name":{"kind":"Name","value":"numericTolerance"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"correct"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}}]} as unknown as DocumentNode<QuizEditorFieldsFragment, unknown>;
export const ViewerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ViewerFieldsFragment, unknown>;
export const AccessModelFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessModelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessModel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"ownRecordsOnly"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"resourceLabel"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"grantableToKeys"}}]}}]}}]} as unknown as DocumentNode<AccessModelFieldsFragment, unknown>;
export const AttemptSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quizVersion"}},{"kind":"Field","name":{"kind":"Name","value":"quizTitle"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}}]} as unknown as DocumentNode<AttemptSummaryFragment, unknown>;
export const AttemptFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptSummary"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"correct"}},{"kind":"Field","name":{"kind":"Name","value":"pointsAwarded"}},{"kind":"Field","name":{"kind":"Name","value":"selectedOptionIds"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"question"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"revealed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"correctOptionIds"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"numericValue"}},{"kind":"Field","name":{"kind":"Name","value":"numericTolerance"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quizVersion"}},{"kind":"Field","name":{"kind":"Name","value":"quizTitle"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}}]} as unknown as DocumentNode<AttemptFieldsFragment, unknown>;
export const WebhookFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedEvents"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"succeededLast24h"}},{"kind":"Field","name":{"kind":"Name","value":"failedLast24h"}}]}}]}}]} as unknown as DocumentNode<WebhookFieldsFragment, unknown>;
export const WebhookDeliveryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"tries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"attemptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveryFieldsFragment, unknown>;
export const QuizStatisticsDocument = {"__meta__":{"hash":"2679d842e6f7053811e9632bec1433cef0e636931a4b36fa7f8ffab8751e5420"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuizStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"firstAttemptsOnly"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"firstAttemptsOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"firstAttemptsOnly"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"standardDeviation"}},{"kind":"Field","name":{"kind":"Name","value":"passRate"}},{"kind":"Field","name":{"kind":"Name","value":"averageTimeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"scoreDistribution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cronbachAlpha"}},{"kind":"Field","name":{"kind":"Name","value":"errorRatio"}},{"kind":"Field","name":{"kind":"Name","value":"standardError"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}},{"kind":"Field","name":{"kind":"Name","value":"itemAnalysisStatus"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"questionId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"facilityIndex"}},{"kind":"Field","name":{"kind":"Name","value":"standardDeviation"}},{"kind":"Field","name":{"kind":"Name","value":"discriminationIndex"}},{"kind":"Field","name":{"kind":"Name","value":"discriminativeEfficiency"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"flagReasons"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"optionId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"correct"}},{"kind":"Field","name":{"kind":"Name","value":"picks"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<QuizStatisticsQuery, QuizStatisticsQueryVariables>;
export const OrgAnalyticsDocument = {"__meta__":{"hash":"5b51ec13907da739238fbdf6dcefa9eb02a503ab365de1da1dc728146c2d48bb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrgAnalytics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsInterval"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"activeMembers"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"averagePercentage"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"activeMembers"}},{"kind":"Field","name":{"kind":"Name","value":"averagePercentage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topQuizzes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quizId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"averagePercentage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"quizzesStarted"}},{"kind":"Field","name":{"kind":"Name","value":"averagePercentage"}},{"kind":"Field","name":{"kind":"Name","value":"lastActiveOn"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrgAnalyticsQuery, OrgAnalyticsQueryVariables>;
export const ApiKeysDocument = {"__meta__":{"hash":"2d452f8613a62f0aaef5c0d7bbf650b0aea8eb63562001a23223461d5f9a1c23"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"apiAccessEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitPerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = {"__meta__":{"hash":"26a93d54461876c7c412b8f279754cd5036a13aca3fc42c87d8025dbfcc90a2f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitPerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const SetApiKeyEnabledDocument = {"__meta__":{"hash":"873de99e13a915a8b67eca71714bd752adc3010f491b6e6fc4b6c3a3478a9e1b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetApiKeyEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetApiKeyEnabledInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setApiKeyEnabled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitPerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<SetApiKeyEnabledMutation, SetApiKeyEnabledMutationVariables>;
export const RevokeApiKeyDocument = {"__meta__":{"hash":"d1c7395cc9fc4b760796168c9b46b5d693d62751fbf011a1a014eb21180f4023"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitPerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const RotateApiKeyDocument = {"__meta__":{"hash":"61bf33abbaff5ddca7fb8d9fa3cf477efaa810c69d4da6ff2c4fe06e6426d558"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RotateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rotateApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApiKeyFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitPerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RotateApiKeyMutation, RotateApiKeyMutationVariables>;
export const SetApiAccessDocument = {"__meta__":{"hash":"6d74220a2633adce81dc456d3bff7d75a9d832694e963a2d3f55551db8914888"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetApiAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetApiAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setApiAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"apiAccessEnabled"}}]}}]}}]}}]} as unknown as DocumentNode<SetApiAccessMutation, SetApiAccessMutationVariables>;
export const AuditLogDocument = {"__meta__":{"hash":"7094c099bfb2b0bba133b262fafae1ff7a7fd188e51f7e6e9a63cad457cd7495"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"area"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"excludeActions"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}},{"kind":"Argument","name":{"kind":"Name","value":"area"},"value":{"kind":"Variable","name":{"kind":"Name","value":"area"}}},{"kind":"Argument","name":{"kind":"Name","value":"excludeActions"},"value":{"kind":"Variable","name":{"kind":"Name","value":"excludeActions"}}},{"kind":"Argument","name":{"kind":"Name","value":"actor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actor"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditEntryFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorKind"}},{"kind":"Field","name":{"kind":"Name","value":"actorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"targetLabel"}},{"kind":"Field","name":{"kind":"Name","value":"targetNodeId"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"actionInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"areaLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const AuditActionsDocument = {"__meta__":{"hash":"0446e2699d2a31c17780bfc9670042a8f39f88e1f018877f255573bf799fe75d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditActions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"auditActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"areaLabel"}}]}}]}}]}}]} as unknown as DocumentNode<AuditActionsQuery, AuditActionsQueryVariables>;
export const AuditActorsDocument = {"__meta__":{"hash":"3f5a9ebbe4989e30c6cbe0a593a0c1342d45645ccc8a99095b3baa67480e8fb9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditActors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditActorsQuery, AuditActorsQueryVariables>;
export const CertificatesDocument = {"__meta__":{"hash":"1730f555ff9d79ae010572e0826114c0cc4040cfb5a18a9f7478acf8033e6d6a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Certificates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"revoked"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"revoked"},"value":{"kind":"Variable","name":{"kind":"Name","value":"revoked"}}},{"kind":"Argument","name":{"kind":"Name","value":"memberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CertificateFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CertificateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revocationReason"}},{"kind":"Field","name":{"kind":"Name","value":"revocationReasonPublic"}},{"kind":"Field","name":{"kind":"Name","value":"verificationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"pdfUrl"}}]}}]} as unknown as DocumentNode<CertificatesQuery, CertificatesQueryVariables>;
export const RevokeCertificateDocument = {"__meta__":{"hash":"c62fdeecf46922a20b31396cb3417b3a259e86d66f06fcced9a70a6a7e7bfb50"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeCertificate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeCertificateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokeCertificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CertificateFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CertificateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revocationReason"}},{"kind":"Field","name":{"kind":"Name","value":"revocationReasonPublic"}},{"kind":"Field","name":{"kind":"Name","value":"verificationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"pdfUrl"}}]}}]} as unknown as DocumentNode<RevokeCertificateMutation, RevokeCertificateMutationVariables>;
export const IntegrityNoticeDocument = {"__meta__":{"hash":"48a8f27671b38f5c36930cd07bf808a95c9ee15ea7b16e2b0f8a1da07f3944ac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntegrityNotice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"integrityNotice"}}]}}]}}]} as unknown as DocumentNode<IntegrityNoticeQuery, IntegrityNoticeQueryVariables>;
export const ReportIntegrityEventDocument = {"__meta__":{"hash":"7db521c6a795017672b56146500c382fc430c6d30e796932457cd15ca02c5ed2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportIntegrityEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportIntegrityEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reportIntegrityEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]} as unknown as DocumentNode<ReportIntegrityEventMutation, ReportIntegrityEventMutationVariables>;
export const IntegrityAttemptsDocument = {"__meta__":{"hash":"ab1c5ca276e23ee198695c422e8978b82d8e9afb224b403147896b76c68217cc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntegrityAttempts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flagged"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unreviewed"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attemptId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"integrityAttempts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"flagged"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flagged"}}},{"kind":"Argument","name":{"kind":"Name","value":"unreviewed"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unreviewed"}}},{"kind":"Argument","name":{"kind":"Name","value":"attemptId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attemptId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptIntegrityFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptIntegrityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttemptIntegrity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attemptId"}},{"kind":"Field","name":{"kind":"Name","value":"quizId"}},{"kind":"Field","name":{"kind":"Name","value":"quizTitle"}},{"kind":"Field","name":{"kind":"Name","value":"pageSwitches"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"fullscreenExits"}},{"kind":"Field","name":{"kind":"Name","value":"clipboardEvents"}},{"kind":"Field","name":{"kind":"Name","value":"bulkAnswerChanges"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddressCount"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventAt"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}},{"kind":"Field","name":{"kind":"Name","value":"flaggedAt"}},{"kind":"Field","name":{"kind":"Name","value":"flagReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<IntegrityAttemptsQuery, IntegrityAttemptsQueryVariables>;
export const IntegrityTimelineDocument = {"__meta__":{"hash":"a5898fe3d0c9f068ddf19e24c4fe5d7f76c9beae74d20192caf4f5bd7ad0de2b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntegrityTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttemptIntegrity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IntegrityTimelineQuery, IntegrityTimelineQueryVariables>;
export const ReviewIntegrityFlagDocument = {"__meta__":{"hash":"dacad081f55a38ba1e676a759fc75f8bcec6060eab1abc94c60335f2f94743fe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewIntegrityFlag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewIntegrityFlagInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reviewIntegrityFlag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attemptIntegrity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptIntegrityFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptIntegrityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttemptIntegrity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attemptId"}},{"kind":"Field","name":{"kind":"Name","value":"quizId"}},{"kind":"Field","name":{"kind":"Name","value":"quizTitle"}},{"kind":"Field","name":{"kind":"Name","value":"pageSwitches"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"fullscreenExits"}},{"kind":"Field","name":{"kind":"Name","value":"clipboardEvents"}},{"kind":"Field","name":{"kind":"Name","value":"bulkAnswerChanges"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddressCount"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventAt"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}},{"kind":"Field","name":{"kind":"Name","value":"flaggedAt"}},{"kind":"Field","name":{"kind":"Name","value":"flagReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewerId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ReviewIntegrityFlagMutation, ReviewIntegrityFlagMutationVariables>;
export const IntegrityRulesDocument = {"__meta__":{"hash":"5b1f8f1f98516e98b6eec79083ed2500c2526043e357cbfd61f98daf93e06ffa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntegrityRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"integrityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"IntegrityRulesFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IntegrityRulesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntegrityRules"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"maxPageSwitches"}},{"kind":"Field","name":{"kind":"Name","value":"maxHiddenSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"maxIpAddresses"}},{"kind":"Field","name":{"kind":"Name","value":"maxDevices"}},{"kind":"Field","name":{"kind":"Name","value":"maxFullscreenExits"}},{"kind":"Field","name":{"kind":"Name","value":"maxClipboardEvents"}},{"kind":"Field","name":{"kind":"Name","value":"maxBulkAnswerChanges"}}]}}]} as unknown as DocumentNode<IntegrityRulesQuery, IntegrityRulesQueryVariables>;
export const UpdateIntegrityRulesDocument = {"__meta__":{"hash":"e8fab8c24e45df6d873bc3d10568e9022d5c4958dc4c02b32c50dafff0f25e0f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateIntegrityRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateIntegrityRulesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateIntegrityRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"IntegrityRulesFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IntegrityRulesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IntegrityRules"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"maxPageSwitches"}},{"kind":"Field","name":{"kind":"Name","value":"maxHiddenSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"maxIpAddresses"}},{"kind":"Field","name":{"kind":"Name","value":"maxDevices"}},{"kind":"Field","name":{"kind":"Name","value":"maxFullscreenExits"}},{"kind":"Field","name":{"kind":"Name","value":"maxClipboardEvents"}},{"kind":"Field","name":{"kind":"Name","value":"maxBulkAnswerChanges"}}]}}]} as unknown as DocumentNode<UpdateIntegrityRulesMutation, UpdateIntegrityRulesMutationVariables>;
export const LeaderboardDocument = {"__meta__":{"hash":"f191cd01c9e92511924261035b9674727ad2446abb2ce9d2bf44ad1fc35c8359"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Leaderboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeaderboardWindow"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"leaderboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeaderboardEntryFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myRank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeaderboardEntryFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeaderboardEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LeaderboardEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastActivityAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeTakenSeconds"}}]}}]} as unknown as DocumentNode<LeaderboardQuery, LeaderboardQueryVariables>;
export const MyRankDocument = {"__meta__":{"hash":"3628d74a5cc41a08f10fc9aee490a5e6f253472087960572970260e48e0d87a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyRank"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"leaderboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"myRank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeaderboardEntryFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeaderboardEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LeaderboardEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastActivityAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeTakenSeconds"}}]}}]} as unknown as DocumentNode<MyRankQuery, MyRankQueryVariables>;
export const LeaderboardQuizzesDocument = {"__meta__":{"hash":"3ffef239bff4a334408addfe1939a43af617b0b467a620672c51df6e47e2c28e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LeaderboardQuizzes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quizzes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LeaderboardQuizzesQuery, LeaderboardQuizzesQueryVariables>;
export const LeaderboardUpdatedDocument = {"__meta__":{"hash":"7117bb114c2cb14c3b0267b874c5e40bf3a468376b6cf62e076bf4af442b1af6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LeaderboardUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"top"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaderboardUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgSlug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}},{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quizId"}}},{"kind":"Argument","name":{"kind":"Name","value":"top"},"value":{"kind":"Variable","name":{"kind":"Name","value":"top"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quizId"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeaderboardEntryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"LeaderboardEntryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LeaderboardEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LeaderboardEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastActivityAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeTakenSeconds"}}]}}]} as unknown as DocumentNode<LeaderboardUpdatedSubscription, LeaderboardUpdatedSubscriptionVariables>;
export const MembersDocument = {"__meta__":{"hash":"7c3d57b8ea4218918465ee43c3d5d3df13837ae16c9255aa2f5c0b0acfe2955e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"disabled"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"disabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"disabled"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Member"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const AddMemberDocument = {"__meta__":{"hash":"a1c6dc86aab2378b05da52eff98e36425f7f7864bf3b0b7b88ba0dcf2d340ca7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Member"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<AddMemberMutation, AddMemberMutationVariables>;
export const UpdateMemberDocument = {"__meta__":{"hash":"92edeeb60e3b89a81498a669a752e4b5bc598265e0efaa9d193827a56e58547f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Member"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<UpdateMemberMutation, UpdateMemberMutationVariables>;
export const RemoveMemberDocument = {"__meta__":{"hash":"564c5e6cdbc34ea5795240f9e43560f5302ee4114641521789efd65b846b1421"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"removedId"}}]}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const NotificationsDocument = {"__meta__":{"hash":"63344eb3d4199d099ccb6823f9e2248310a51f67cf4108abc1e48705a6ce68b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unread"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"unread"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unread"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]} as unknown as DocumentNode<NotificationsQuery, NotificationsQueryVariables>;
export const NotificationsChangedDocument = {"__meta__":{"hash":"ee0cdca1c7128567b5fc246dd698e052423919434cd72c8db64677629f8f44b9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NotificationsChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationsChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgSlug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}}]} as unknown as DocumentNode<NotificationsChangedSubscription, NotificationsChangedSubscriptionVariables>;
export const MarkNotificationsReadDocument = {"__meta__":{"hash":"105178b40d396a6c5972f5491113bacabbb1f14311e6c014062200cca7ecf5d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationsReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"markedCount"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]} as unknown as DocumentNode<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const QuizzesDocument = {"__meta__":{"hash":"49692bbcf5721031d78d027e308628b6def15589494aba0c3e0fd94a293f85b0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Quizzes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"QuizStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quizzes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}}]} as unknown as DocumentNode<QuizzesQuery, QuizzesQueryVariables>;
export const QuizEditorDocument = {"__meta__":{"hash":"0eb12dc204ddfd546aedc7b18817f493ab837c7e8e7250f8757b1e3bb94f59b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuizEditor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizEditorFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quizId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizEditorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}},{"kind":"Field","name":{"kind":"Name","value":"questionsWithAnswers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"numericValue"}},{"kind":"Field","name":{"kind":"Name","value":"numericTolerance"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"correct"}}]}}]}}]}}]} as unknown as DocumentNode<QuizEditorQuery, QuizEditorQueryVariables>;
export const CreateQuizDocument = {"__meta__":{"hash":"44b9f6063db7d89d92727403d3e686d86838f1bb7df4406e942800e7f66258b5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateQuizInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizEditorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizEditorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}},{"kind":"Field","name":{"kind":"Name","value":"questionsWithAnswers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"numericValue"}},{"kind":"Field","name":{"kind":"Name","value":"numericTolerance"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"correct"}}]}}]}}]}}]} as unknown as DocumentNode<CreateQuizMutation, CreateQuizMutationVariables>;
export const UpdateQuizDocument = {"__meta__":{"hash":"fba0f32b7a4c052fea4509d96399984b655764f5589a8b15862df82e0556c23f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateQuizInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizEditorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizEditorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}},{"kind":"Field","name":{"kind":"Name","value":"questionsWithAnswers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"numericValue"}},{"kind":"Field","name":{"kind":"Name","value":"numericTolerance"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"correct"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateQuizMutation, UpdateQuizMutationVariables>;
export const PublishQuizDocument = {"__meta__":{"hash":"2c20ea43b82cbd5c6c5940e6bb6f868ee80fbc8c80bd5aa11074b50a68c62bd1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuizIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"publishQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}}]} as unknown as DocumentNode<PublishQuizMutation, PublishQuizMutationVariables>;
export const ArchiveQuizDocument = {"__meta__":{"hash":"2ce0efb17e4e39fe97d45e3373bc025c63be63b951a0ac4f49decde8e7ecc09d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArchiveQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QuizIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"archiveQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}}]} as unknown as DocumentNode<ArchiveQuizMutation, ArchiveQuizMutationVariables>;
export const DuplicateQuizDocument = {"__meta__":{"hash":"f3bd3568a04dc455565262bda6745d9ef6767fb12d1dc766d606e0d7bd0e1ee5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DuplicateQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DuplicateQuizInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}}]} as unknown as DocumentNode<DuplicateQuizMutation, DuplicateQuizMutationVariables>;
export const ImportQuizDocument = {"__meta__":{"hash":"f6a0529801df1ef37f098be0d38ff8b18f8b73d53045e89cc4704f7a725b3be5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportQuiz"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportQuizInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"importQuiz"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"importedQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}}]} as unknown as DocumentNode<ImportQuizMutation, ImportQuizMutationVariables>;
export const ViewerDocument = {"__meta__":{"hash":"86e7828ac409415909d847f15f4cd8b0672f0dae286c12908eadfcc0f5231a66"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessModelFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessModelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessModel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"ownRecordsOnly"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"resourceLabel"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"grantableToKeys"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const PublicOrganizationDocument = {"__meta__":{"hash":"740188ba775945180ff04378d49eb4735edbc4314f2cb51f39775be70e4f512c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"branding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"primaryColor"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"tagline"}}]}}]}}]}}]} as unknown as DocumentNode<PublicOrganizationQuery, PublicOrganizationQueryVariables>;
export const LoginDocument = {"__meta__":{"hash":"da4484715e3aa20a315207f4807fad96d2f9527bc3473ec9f75bd80ba3fec1f5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"__meta__":{"hash":"2fc09de63ab1c08d0b744513a22856aab385f9335ae95aeff755176af6d1cbd8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const OpenQuizzesDocument = {"__meta__":{"hash":"e7806ff9ab1dae714a652fe5c87f5e9997a2a1be6b1ae2c7a8e25f7fc7298aae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenQuizzes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quizzes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PUBLISHED"}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}}]} as unknown as DocumentNode<OpenQuizzesQuery, OpenQuizzesQueryVariables>;
export const MyAttemptsDocument = {"__meta__":{"hash":"42b08b21fbebf3faac6ed8dbe166a1c371e6dc2efda04722c64462edf6e5ee88"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAttempts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"memberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptSummary"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quizVersion"}},{"kind":"Field","name":{"kind":"Name","value":"quizTitle"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}}]} as unknown as DocumentNode<MyAttemptsQuery, MyAttemptsQueryVariables>;
export const AttemptDocument = {"__meta__":{"hash":"f3bba11e59331a951a74684d3771a179fb856dc91f800a8e52e3f48de0cb630f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Attempt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quizVersion"}},{"kind":"Field","name":{"kind":"Name","value":"quizTitle"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptSummary"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"correct"}},{"kind":"Field","name":{"kind":"Name","value":"pointsAwarded"}},{"kind":"Field","name":{"kind":"Name","value":"selectedOptionIds"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"question"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"revealed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"correctOptionIds"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"numericValue"}},{"kind":"Field","name":{"kind":"Name","value":"numericTolerance"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]}}]}}]} as unknown as DocumentNode<AttemptQuery, AttemptQueryVariables>;
export const StartAttemptDocument = {"__meta__":{"hash":"25140700d195bcc30f9045d7e0989eeda0681e1421f120d92524e34c8072e72a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartAttempt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartAttemptInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"startAttempt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quizVersion"}},{"kind":"Field","name":{"kind":"Name","value":"quizTitle"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptSummary"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"correct"}},{"kind":"Field","name":{"kind":"Name","value":"pointsAwarded"}},{"kind":"Field","name":{"kind":"Name","value":"selectedOptionIds"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"question"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"revealed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"correctOptionIds"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"numericValue"}},{"kind":"Field","name":{"kind":"Name","value":"numericTolerance"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]}}]}}]} as unknown as DocumentNode<StartAttemptMutation, StartAttemptMutationVariables>;
export const SaveAttemptAnswersDocument = {"__meta__":{"hash":"8a2f706b2354853f62af265c1ce66f0f261922706577dda75f9bd0b3d6370449"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveAttemptAnswers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttemptAnswersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"saveAttemptAnswers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quizVersion"}},{"kind":"Field","name":{"kind":"Name","value":"quizTitle"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}}]} as unknown as DocumentNode<SaveAttemptAnswersMutation, SaveAttemptAnswersMutationVariables>;
export const SubmitAttemptDocument = {"__meta__":{"hash":"346ea45ed06ecbf81e78d187571d8da61f1838bc3be245598c52bde0968a89dc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitAttempt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttemptAnswersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"submitAttempt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"QuizFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Quiz"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attemptsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"passMarkPercent"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleQuestions"}},{"kind":"Field","name":{"kind":"Name","value":"shuffleOptions"}},{"kind":"Field","name":{"kind":"Name","value":"revealAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"certificateOnPass"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"questionCount"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isOpen"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quizVersion"}},{"kind":"Field","name":{"kind":"Name","value":"quizTitle"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"maxScore"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"quiz"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"QuizFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttemptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttemptSummary"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"correct"}},{"kind":"Field","name":{"kind":"Name","value":"pointsAwarded"}},{"kind":"Field","name":{"kind":"Name","value":"selectedOptionIds"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"question"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"revealed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"correctOptionIds"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAnswers"}},{"kind":"Field","name":{"kind":"Name","value":"numericValue"}},{"kind":"Field","name":{"kind":"Name","value":"numericTolerance"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitAttemptMutation, SubmitAttemptMutationVariables>;
export const WebhooksDocument = {"__meta__":{"hash":"cfb5911a46bcbc83575a59c0d83766b9b7b1c88b0f0075d3e4a1022da268af5b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Webhooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"webhooks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedEvents"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"succeededLast24h"}},{"kind":"Field","name":{"kind":"Name","value":"failedLast24h"}}]}}]}}]} as unknown as DocumentNode<WebhooksQuery, WebhooksQueryVariables>;
export const WebhookDeliveriesDocument = {"__meta__":{"hash":"9d6fbf4e92ae3ec2acf8176a57d1b0a8890b6d5dfb060558886ab98ef2dc114a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookFields"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookDeliveryFields"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedEvents"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"succeededLast24h"}},{"kind":"Field","name":{"kind":"Name","value":"failedLast24h"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"tries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"attemptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateWebhookDocument = {"__meta__":{"hash":"79d85087c2f12afbdb01d866cb1e0c062849b051682f3ceb66a3376e096e1477"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebhookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedEvents"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"succeededLast24h"}},{"kind":"Field","name":{"kind":"Name","value":"failedLast24h"}}]}}]}}]} as unknown as DocumentNode<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const UpdateWebhookDocument = {"__meta__":{"hash":"6abf2ede39d5ea15e11edd1fbfe04f916669cef82450b6fcca96426516f0c0b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWebhookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedEvents"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"succeededLast24h"}},{"kind":"Field","name":{"kind":"Name","value":"failedLast24h"}}]}}]}}]} as unknown as DocumentNode<UpdateWebhookMutation, UpdateWebhookMutationVariables>;
export const DeleteWebhookDocument = {"__meta__":{"hash":"1ee64b71a334407366ab9b683ae9c7fd7413c0760ecb4e8c8a52a7e104e596db"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteWebhookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deleteWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const RotateWebhookSecretDocument = {"__meta__":{"hash":"c852c14550374215231b2d943356221c96bd1bb17205666e21590a95358339b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateWebhookSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RotateWebhookSecretInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rotateWebhookSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"webhook"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedEvents"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"succeededLast24h"}},{"kind":"Field","name":{"kind":"Name","value":"failedLast24h"}}]}}]}}]} as unknown as DocumentNode<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const PingWebhookDocument = {"__meta__":{"hash":"1e284f0f38145b50b8189208f57094c512629a0f1b2d503eb283d4220685cb26"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PingWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PingWebhookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pingWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookDeliveryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"tries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"attemptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<PingWebhookMutation, PingWebhookMutationVariables>;
export const RedeliverWebhookMessageDocument = {"__meta__":{"hash":"7c5314f27c509975c1ca2554f6d50fa9c977d9e1cb9ec18f593139a865f437cf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeliverWebhookMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedeliverWebhookMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"redeliverWebhookMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookDeliveryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"tries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"attemptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<RedeliverWebhookMessageMutation, RedeliverWebhookMessageMutationVariables>;