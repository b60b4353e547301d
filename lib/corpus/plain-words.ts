/** Article id → [plain phrase, the article's term it stands for] pairs. */
export type PlainWords = Readonly<Record<string, ReadonlyArray<readonly [plain: string, term: string]>>>;

/**
 * How a developer who does not know an article's term says the problem or goal it names: "ai ignores
 * its instructions" for prompt injection, "two databases both primary" for split brain. Editorial data
 * like `subject-vocabulary.ts`: written on 2026-12-03 by two helpers from each article's title, summary
 * and tags alone, with examples from a frontend blog in their brief and no query set in view; each term
 * is the article's own words, each plain phrase two to four words meant to be rare in everyday
 * searches (unit tests check the first two). When a query says two or more words of a phrase, search
 * looks for the term, which ranks and, once the query's own words have decided there are results,
 * lists the article; it never decides that there are any (`phrasePositions`, `addSynonymCandidates`
 * in `lib/search/candidates.ts`).
 */
export const PLAIN_WORDS: PlainWords = {
  'a2a-agent-to-agent-protocol': [
    ['agents calling other agents', 'Agent-to-Agent'],
    ['advertise agent capabilities', 'agent cards'],
  ],
  'abuse-of-public-endpoints': [
    ['email endpoint sending spam', 'spam relay'],
    ['strangers using free api', 'public endpoints'],
    ['free plan exploited', 'abuse-prevention'],
  ],
  'accidental-full-table-scan': [
    ['postgres ignores index', 'full table scan'],
    ['index unused type mismatch', 'implicit type cast'],
    ['forgot where clause', 'missing WHERE clause'],
    ['query locks whole database', 'full table scan'],
  ],
  'designing-ai-agent-tools-schema-errors-and-idempotency-for-llm-tool-use': [
    ['model sends wrong arguments', 'schema patterns'],
    ['describe functions for llm', 'tool use'],
  ],
  'building-production-ai-agents-tool-calling-agent-loops-and-error-recovery': [
    ['agent recover after failure', 'error recovery'],
    ['agent runs tools concurrently', 'parallel execution'],
    ['approval before agent acts', 'human-in-the-loop'],
  ],
  'ai-feature-flags-system': [
    ['swap llm without deploy', 'model switching'],
    ['emergency off button ai', 'kill switches'],
    ['compare two models live', 'A/B testing'],
  ],
  'security-risks-in-ai-generated-code-auditing-and-prompting-for-safe-output': [
    ['copilot code vulnerabilities', 'AI-generated code'],
    ['chatgpt code security holes', 'security vulnerabilities'],
  ],
  'aligning-product-and-engineering': [
    ['pm engineers keep fighting', 'product and engineering'],
    ['features versus cleanup', 'trade-offs'],
  ],
  'api-design-ai-agents': [
    ['llm friendly api', 'AI Agent Consumers'],
    ['errors llm can understand', 'structured errors'],
  ],
  'api-design-developers-love-defaults-cursor-pagination-problem-details-and-deprecation': [
    ['standard api error format', 'problem details'],
    ['retire old api version', 'deprecation'],
    ['tell clients remaining quota', 'rate limit headers'],
  ],
  'api-first-development-in-2026-designing-the-contract-before-the-code': [
    ['design api before coding', 'API-first'],
    ['frontend blocked by backend', 'contract'],
    ['swagger spec first', 'openapi'],
  ],
  'rate-limiting-bypassed-why-per-ip-limits-fail-and-multi-dimensional-limits-work': [
    ['attacker rotating ip addresses', 'Per-IP Limits'],
    ['limit per user account', 'Multi-Dimensional Limits'],
    ['recognize same device', 'device fingerprint'],
  ],
  'owasp-api-security-top-10-threats-and-mitigations-in-the-age-of-ai': [['common api attack list', 'OWASP']],
  'autoscaling-gone-wrong': [
    ['scaling up down repeatedly', 'thrash'],
    ['scaler reacts too late', 'scale too slowly'],
  ],
  'aws-bedrock-in-production-enterprise-llms-without-data-egress': [
    ['keep prompts inside aws', 'data egress'],
    ['claude through aws account', 'aws-bedrock'],
  ],
  'backend-ai-product-checklist': [
    ['ready to launch ai', 'production readiness'],
    ['filter harmful ai output', 'content moderation'],
  ],
  'backend-engineer-ai-skills-2026': [['backend dev learning ai', 'skills']],
  'backend-performance-checklist-2026': [['speed up backend layers', 'performance checklist']],
  'untested-backups-the-restore-that-found-empty-files': [
    ['backup files were empty', 'Untested Backups'],
    ['check backups actually work', 'Untested Backups'],
    ['backup job stopped silently', 'failed silently'],
  ],
  'better-auth-deep-dive-framework-agnostic-typescript-authentication': [
    ['auth library any framework', 'Framework-Agnostic'],
    ['two step login verification', '2FA'],
  ],
  'blocking-the-node-js-event-loop-how-one-synchronous-call-freezes-every-request': [
    ['one call freezes server', 'Synchronous Call'],
    ['node server stops responding', 'event loop'],
    ['large json parse freezes', 'JSON.parse'],
  ],
  'bot-traffic-killing-apis': [
    ['stolen passwords tried logins', 'credential-stuffing'],
    ['bots buying all stock', 'inventory hoarders'],
    ['requests not from humans', 'bot traffic'],
  ],
  'cache-invalidation-bugs-when-users-keep-seeing-stale-data': [
    ['users see old prices', 'stale prices'],
    ['deleted record still showing', 'Cache Invalidation'],
    ['cache serves outdated value', 'stale data'],
  ],
  'cache-stampede-when-your-cache-fix-breaks-everything': [
    ['cache expiry overloads database', 'cache stampede'],
    ['simultaneous cache misses', 'thundering herd'],
    ['key expires database spike', 'TTL expiry'],
  ],
  'cascade-delete-nightmare': [
    ['delete removed related records', 'cascade delete'],
    ['one delete wiped tables', 'ON DELETE CASCADE'],
  ],
  'change-data-capture-with-debezium-streaming-database-changes-to-kafka-and-beyond': [
    ['react to table changes', 'change data capture'],
    ['sync postgres to elasticsearch', 'Streaming Database Changes'],
    ['read postgres write log', 'WAL logs'],
  ],
  'circuit-breakers-that-never-open-why-cascading-failures-slip-through': [
    ['failures spread across services', 'cascading failures'],
    ['stop calling failing service', 'circuit breaker'],
  ],
  'clerk-auth-production': [
    ['copy users into database', 'syncing user data'],
    ['company team accounts login', 'organisations'],
  ],
  'clickhouse-for-node-js-backends-columnar-analytics-at-millions-of-rows-per-second': [
    ['postgres slow for analytics', 'columnar database'],
    ['dashboard aggregates millions rows', 'Columnar Analytics'],
  ],
  'clock-skew-breaking-tokens': [
    ['token issued in future', 'clock skew'],
    ['server clocks differ', 'clock skew'],
    ['expired jwt still accepted', 'clock skew'],
  ],
  'cloud-cost-explosion': [
    ['aws bill skyrocketed', 'Cloud Cost Explosion'],
    ['no spending alerts', 'budgets'],
    ['which service costs what', 'tagging'],
  ],
  'cloudflare-ai-workers': [['run llm near users', 'at the Edge']],
  'cold-start-latency': [
    ['first request very slow', 'cold start'],
    ['lambda slow first call', 'cold start'],
    ['function slow after idle', 'cold start latency'],
  ],
  'config-drift-between-staging-and-production-why-it-works-on-staging-is-dangerous': [
    ['works staging breaks production', 'config drift'],
    ['different settings each environment', 'config drift'],
  ],
  'multi-turn-conversation-architecture-context-windows-memory-and-topic-tracking': [
    ['chatbot forgets earlier messages', 'conversation-memory'],
    ['chat history too long', 'context window'],
    ['bot loses track subject', 'topic tracking'],
  ],
  'cost-aware-ai-systems-per-request-metering-cost-circuit-breakers-and-anomaly-detection': [
    ['track cost each request', 'per-request metering'],
    ['cap ai spending automatically', 'cost circuit breakers'],
    ['detect unusual ai spending', 'anomaly detection'],
  ],
  'cpu-spike-after-deployment': [
    ['cpu maxed after release', 'CPU Spikes'],
    ['which function burns cpu', 'hotspots'],
    ['slow regex eating cpu', 'regex'],
  ],
  'crewai-production-guide': [['ai agents with roles', 'crew composition']],
  'distributed-cron-jobs-running-scheduled-tasks-exactly-once-across-instances': [
    ['cron runs every instance', 'distributed cron'],
    ['scheduled task runs twice', 'exactly once'],
  ],
  'data-corruption-bad-serialization': [
    ['price shows weird decimals', 'floating-point'],
    ['large id changes json', 'BigInt'],
    ['numbers wrong after saving', 'serialization'],
  ],
  'database-branching-pr-per-database-workflows-with-neon-and-planetscale': [
    ['database per pull request', 'PR-per-Database'],
    ['test migrations on copy', 'safe migration testing'],
  ],
  'database-connection-pool-exhaustion-when-your-app-freezes-at-100-users': [
    ['app freezes under load', 'connection pool exhaustion'],
    ['requests hang no errors', 'pool exhaustion'],
  ],
  'ddos-vs-legit-traffic-confusion': [
    ['traffic spike or attack', 'DDoS'],
    ['blocking real users', 'legit traffic'],
  ],
  'dead-letter-queue-ignored-for-months-the-silent-data-graveyard': [
    ['failed messages pile up', 'DLQ'],
    ['failed messages nobody checks', 'dead letter queue'],
  ],
  'dealing-with-silent-system-failure': [
    ['job failing without errors', 'silent failures'],
    ['background job quietly broken', 'silent-failure'],
  ],
  'canary-deployments-catching-bugs-at-1-of-traffic-not-100': [
    ['deploy to few servers', 'canary deployments'],
    ['bug reached all users', 'canary deployments'],
  ],
  'designing-for-10x-growth': [['prepare system more users', 'scalability']],
  'ai-developer-productivity-what-really-delivers-10x-and-where-it-slows-you-down': [
    ['does copilot save time', 'developer productivity'],
    ['ai coding assistants worth', 'ai-tools'],
  ],
  'production-docker-images-multi-stage-builds-distroless-and-supply-chain-security': [
    ['docker image too big', 'multi-stage builds'],
    ['smaller container base image', 'distroless'],
    ['sign container images', 'cosign'],
    ['list image dependencies', 'SBOM'],
  ],
  'docs-as-code-keeping-documentation-in-sync-with-the-codebase': [
    ['documentation always outdated', 'docs as code'],
    ['docs drift from code', 'in sync'],
  ],
  'drizzle-orm-vs-prisma-type-safety-edge-support-and-query-speed': [
    ['prisma too slow', 'drizzle'],
    ['prisma fails on edge', 'edge compatibility'],
    ['orm makes bundle huge', 'bundle size'],
  ],
  'duplicate-events-and-idempotent-consumers-surviving-at-least-once-delivery': [
    ['message processed twice', 'duplicate events'],
    ['consumer handles repeated messages', 'idempotent consumers'],
  ],
  'effect-ts-for-node-js-backends-effects-dependency-injection-and-typed-errors': [
    ['errors in function types', 'typed errors'],
  ],
  'embeddings-search-at-scale': [
    ['vector search slow millions', 'Approximate Nearest Neighbor'],
    ['filter before similarity search', 'pre/post-filtering'],
  ],
  'encore-ts-declaring-backend-infrastructure-in-typescript': [
    ['no terraform needed', 'Declaring Backend Infrastructure'],
  ],
  'event-ordering-problem-when-events-arrive-out-of-sequence': [
    ['events processed wrong order', 'event ordering'],
    ['cancellation arrives before creation', 'out of sequence'],
  ],
  'event-sourcing-ai-audit': [
    ['replay past ai decisions', 'replaying AI decisions'],
    ['record every ai decision', 'audit trails'],
  ],
  'inconsistent-reads-the-eventual-consistency-shock': [['refresh shows old profile', 'eventual consistency']],
  'explaining-tech-debt-to-the-business-turning-it-into-a-budget-conversation': [
    ['convince cfo to refactor', 'budget conversation'],
    ['justify refactoring cost', 'business-case'],
  ],
  'fastapi-for-node-js-developers-why-python-dominates-ml-backends': [['serve ml model python', 'ML Backends']],
  'feature-flag-debt-the-flags-nobody-owns-turns-off-or-dares-to-delete': [
    ['too many old flags', 'feature flag debt'],
    ['remove stale feature flags', 'cleanup'],
  ],
  'fine-tuning-vs-rag-a-decision-framework-with-costs-and-evaluation-metrics': [
    ['teach llm company data', 'Fine-Tuning vs RAG'],
    ['measure llm answer quality', 'evaluation metrics'],
  ],
  'fly-io-backend-deployment': [['servers near users worldwide', 'multi-region']],
  'founder-demands-just-make-it-fast': [
    ['boss says app slow', 'Make It Fast'],
    ['vague slowness complaint', 'vague business pressure'],
  ],
  'gdpr-data-deletion-panic': [
    ['user wants account erased', 'deletion request'],
    ['erase personal data everywhere', 'data deletion'],
  ],
  'ai-in-github-actions-smart-test-selection-pr-reviews-and-changelogs': [
    ['only run affected tests', 'test selection'],
    ['ai reviews pull requests', 'PR reviews'],
    ['generate release notes automatically', 'changelogs'],
  ],
  'grpc-streaming-server-client-and-bidirectional-streams-explained': [['two way streaming rpc', 'bidirectional']],
  'blameless-postmortems-finding-the-system-conditions-behind-an-incident': [
    ['review after outage', 'postmortem'],
    ['prevent repeat outage', 'system conditions'],
  ],
  'handling-production-incident-live': [
    ['leading team during outage', 'incident command'],
    ['site down first minutes', 'incident-response'],
  ],
  'hardcoded-secrets-in-git-why-a-leaked-api-key-is-a-permanent-compromise': [
    ['api key pushed github', 'leaked API key'],
    ['password committed repo', 'hardcoded secrets'],
    ['remove key git history', 'git history'],
  ],
  'hiring-wrong-senior-dev': [['senior hire shipped nothing', 'bad senior hire']],
  'hono-the-fast-zero-dependency-web-framework-for-every-runtime': [['framework runs workers bun', 'every runtime']],
  'hono-rpc-end-to-end-type-safety-compared-with-trpc-and-graphql': [
    ['share api types client', 'end-to-end type safety'],
  ],
  'hot-partition-in-distributed-databases-when-one-shard-gets-all-the-heat': [
    ['one shard gets traffic', 'hot partition'],
    ['one database node overloaded', 'hot partition'],
    ['choosing partition key', 'key design'],
  ],
  'idempotency-issues-in-payment-apis-when-retries-charge-customers-twice': [
    ['customer charged twice', 'idempotency'],
    ['retry double charges card', 'idempotency keys'],
  ],
  'idempotent-ai-operations': [
    ['ai action repeated retry', 'duplicate side effects'],
    ['agent tool called twice', 'duplicate tool calls'],
    ['webhook received twice', 'webhook deduplication'],
  ],
  'uneven-shard-distribution-when-your-sharding-key-creates-hotspots': [
    ['big customers same shard', 'uneven distribution'],
    ['all writes current month', 'shard by date'],
    ['shards unevenly loaded', 'Uneven Shard Distribution'],
  ],
  'kafka-ai-data-pipelines': [['stream events into ml', 'data-pipelines']],
  'killing-project-after-six-months': [
    ['cancel failing project', 'Killing a Project'],
    ['continue because money spent', 'sunk cost bias'],
  ],
  'knowing-when-architecture-is-overkill': [
    ['kafka for small app', 'overkill'],
    ['senior overcomplicates design', 'over-engineering'],
  ],
  'langgraph-in-production-stateful-agent-workflows-with-checkpointing': [
    ['resume agent after crash', 'checkpointing'],
    ['save agent progress', 'stateful'],
  ],
  'large-offset-query-slowness': [
    ['export job takes hours', 'Large Offset'],
    ['batch export gets slower', 'offset'],
  ],
  'leader-election-gone-wrong-two-leaders-duplicate-work-and-split-brain': [
    ['pick one worker node', 'leader election'],
    ['old leader keeps working', 'split-brain'],
    ['both nodes process queue', 'duplicate work'],
  ],
  'voice-ai-agents-with-livekit-and-the-openai-realtime-api': [
    ['talk to ai live', 'voice agents'],
    ['speech conversation bot', 'voice AI'],
  ],
  'llm-api-integration-patterns': [
    ['switch model when down', 'fallbacks'],
    ['openai requests timing out', 'timeouts'],
    ['limit tokens spent', 'token budgets'],
  ],
  'llm-response-caching-exact-match-and-semantic-caching-to-cut-cost-and-latency': [
    ['cache similar questions', 'semantic caching'],
    ['same prompt paid twice', 'exact-match'],
  ],
  'llm-data-privacy': [
    ['openai training on data', 'training data'],
    ['remove personal info prompts', 'PII detection'],
    ['hide emails before llm', 'redaction'],
  ],
  'llm-observability-tracing': [
    ['track tokens per prompt', 'token tracking'],
    ['llm answers getting worse', 'degradation alerts'],
    ['see every llm call', 'tracing'],
  ],
  'load-balancer-misconfiguration': [
    ['all traffic one server', 'load balancer'],
    ['traffic sent dead server', 'health-checks'],
    ['connections dropped randomly', 'drop connections'],
  ],
  'log-table-filling-disk': [
    ['audit table disk full', 'audit logs'],
    ['delete old log rows', 'retention'],
  ],
  'logging-too-much-when-noise-buries-the-error-you-need': [
    ['cant find error logs', 'log-noise'],
    ['error buried in logs', 'noise'],
  ],
  'cross-team-dependencies-shipping-when-three-teams-own-your-blockers': [
    ['waiting on other teams', 'cross-team dependencies'],
    ['blocked by another team', 'blockers'],
  ],
  'model-context-protocol-mcp-sharing-tools-and-context-between-ai-agents': [['give llm my tools', 'sharing tools']],
  'memory-leaks-in-production-node-js-diagnose-profile-and-fix': [
    ['ram keeps growing', 'memory leak'],
    ['node crashes after hours', 'memory leaks'],
    ['find what holds memory', 'heap-snapshot'],
  ],
  'mentoring-mid-level-engineers': [
    ['help mid dev grow', 'mentoring'],
    ['getting promoted to senior', 'senior threshold'],
  ],
  'message-queue-backlog-explosion': [
    ['queue keeps growing', 'backlog'],
    ['consumers cant keep up', 'backlog'],
    ['millions unprocessed messages', 'queue backlog'],
  ],
  'microservices-too-early-how-12-services-before-100-users-slow-you-down': [
    ['too many services early', 'microservices too early'],
    ['split app too soon', 'microservices too early'],
    ['optimizing before having users', 'premature-optimization'],
  ],
  'modular-monoliths-are-winning-and-when-microservices-still-make-sense': [
    ['one app clean boundaries', 'modular monoliths'],
    ['modules inside single codebase', 'modular monolith'],
  ],
  'schema-migrations-on-large-tables-alter-table-without-locking-production': [
    ['migration freezes the app', 'without locking production'],
    ['adding column takes forever', 'schema migrations'],
    ['app hangs during migration', 'locking'],
    ['big table migration downtime', 'large tables'],
  ],
  'missing-indexes-the-10-minute-fix-that-makes-queries-1000x-faster': [
    ['dashboard slower every month', 'missing indexes'],
    ['dashboard query times out', 'missing indexes'],
    ['queries slower over time', 'indexes'],
  ],
  'mongodb-atlas-in-2026-multi-model-vector-search-and-when-to-choose-it-over-postgresql': [
    ['document database or postgres', 'mongodb atlas'],
  ],
  'monolith-nobody-understands': [
    ['new hires take months', 'onboarding'],
    ['only seniors know code', 'hoard context'],
    ['giant tangled codebase', 'monolith'],
  ],
  'multi-agent-systems-the-orchestrator-worker-pattern-in-production': [
    ['main agent assigns subtasks', 'orchestrator-worker'],
    ['boss agent worker agents', 'orchestrator-worker pattern'],
    ['route tasks between agents', 'task routing'],
  ],
  'multi-tenant-ai-architecture': [
    ['chatbot leaks other customers', 'cross-tenant data leakage'],
    ['separate data per customer', 'data isolation'],
    ['ai spend per customer', 'cost tracking'],
  ],
  'the-n-plus-1-query-problem-detect-it-and-fix-it-for-good': [
    ['one query per row', 'n+1 query'],
    ['orm too many queries', 'n+1 query problem'],
    ['database query inside loop', 'n+1 query'],
  ],
  'neon-serverless-postgres-scale-to-zero-and-instant-database-branching': [
    ['postgres sleeps when idle', 'scale to zero'],
    ['copy prod database instantly', 'instant database branching'],
  ],
  'nestjs-at-scale-ddd-cqrs-guards-and-microservices': [
    ['separate reads from writes', 'cqrs'],
    ['protect routes by role', 'guards'],
    ['organize code around business', 'ddd'],
  ],
  'no-backpressure-when-incoming-events-outrun-your-database': [
    ['webhooks overwhelm the database', 'backpressure'],
    ['incoming events too fast', 'backpressure'],
    ['events lost after crash', 'unprocessed events'],
  ],
  'no-observability-debugging-a-distributed-system-blind': [
    ['grepping logs across servers', 'observability'],
    ['no idea what broke', 'observability'],
    ['follow request across services', 'tracing'],
  ],
  'no-rate-limiting-how-one-script-takes-down-your-whole-api': [
    ['one user spams api', 'rate limiting'],
    ['script floods our api', 'rate limiting'],
    ['limit requests per user', 'rate limiting'],
  ],
  'no-rollback-strategy-when-reverting-a-deploy-means-losing-data': [
    ['undo a bad deploy', 'rollback'],
    ['go back previous release', 'rollback strategy'],
  ],
  'the-native-node-js-test-runner-node-test-as-a-jest-and-vitest-replacement': [
    ['testing without jest', 'node:test'],
    ['node builtin testing', 'native test runner'],
  ],
  'nodejs-permissions-security': [
    ['restrict file access node', 'permission model'],
    ['untrusted code in node', 'sandboxing'],
    ['block network access process', 'permission model'],
  ],
  'nodejs-sqlite-builtin': [
    ['database without installing anything', 'embedded database'],
    ['local file database node', 'node:sqlite'],
    ['no database server needed', 'embedded database'],
  ],
  'web-streams-in-node-js-readablestream-vs-node-stream-and-backpressure': [
    ['browser stream api node', 'web streams'],
    ['fetch response body stream', 'readablestream'],
  ],
  'oncall-burnout-spiral': [
    ['paged every night', 'on-call'],
    ['too many alerts', 'alert-fatigue'],
    ['same alert keeps firing', 'flapping'],
    ['team exhausted from pager', 'burnout'],
    ['alerts wake us up', 'alert noise'],
  ],
  'self-hosting-open-source-llms-when-it-pays-off-and-what-hardware-you-need': [
    ['run ai model ourselves', 'self-hosting llms'],
    ['run llama locally', 'open-source llms'],
    ['which gpu for llm', 'hardware'],
  ],
  'the-openai-responses-api-conversation-state-and-tools-without-manual-history': [
    ['resending whole chat history', 'manual history'],
    ['openai remembers conversation', 'conversation state'],
  ],
  'opentelemetry-ai-observability': [
    ['vendor neutral llm tracing', 'opentelemetry'],
    ['count tokens per request', 'token usage'],
  ],
  'guardrails-for-production-access-making-catastrophic-mistakes-hard': [
    ['deleted production by mistake', 'catastrophic mistakes'],
    ['prevent accidental prod deletes', 'guardrails'],
    ['who can touch prod', 'production access'],
    ['dropped wrong database', 'catastrophic mistakes'],
  ],
  'overprovisioned-infrastructure-right-sizing-to-stop-paying-for-idle-headroom': [
    ['paying for unused servers', 'idle headroom'],
    ['servers mostly idle', 'overprovisioned'],
    ['cpu usage always low', 'right-sizing'],
    ['shrink instance sizes', 'right-sizing'],
  ],
  'offset-pagination-is-slow-cursor-based-pagination-at-any-page': [
    ['later pages load slowly', 'offset pagination'],
    ['deep pages very slow', 'cursor-based pagination'],
    ['next page token', 'cursor-based pagination'],
  ],
  'partial-failures-the-hardest-problem-in-distributed-systems': [
    ['timeout but action executed', 'partial failure'],
    ['half finished operation', 'partial failure'],
    ['reply never arrived', 'partial failure'],
  ],
  'passkeys-and-webauthn-in-production-credentials-cross-device-login-and-fallbacks': [
    ['login without password', 'passkeys'],
    ['fingerprint login website', 'webauthn'],
    ['face id login', 'passkeys'],
    ['sign in other device', 'cross-device login'],
  ],
  'payment-gateway-timeout-chaos': [
    ['stripe request times out', 'timeouts'],
    ['did charge go through', 'payment idempotency'],
    ['double charge after timeout', 'idempotency'],
    ['match payments with webhooks', 'webhook reconciliation'],
  ],
  'plan-and-execute-ai-pattern': [
    ['cheap model does work', 'plan-and-execute'],
    ['pick model per task', 'model-routing'],
    ['big model plans tasks', 'plan-and-execute'],
  ],
  'polyglot-persistence-2026': [
    ['using several databases', 'polyglot persistence'],
    ['right database per job', 'polyglot persistence'],
    ['multiple database types together', 'polyglot persistence'],
  ],
  'postgres-pgai-extension': [
    ['embeddings inside postgres', 'pgai'],
    ['call llm from sql', 'llm function calls'],
    ['automatically generate embeddings', 'auto-embedding'],
  ],
  'product-launch-no-load-testing': [
    ['servers crash on launch', 'load testing'],
    ['simulate lots of users', 'load testing'],
    ['fake traffic before launch', 'load testing'],
    ['press coverage crashed site', 'launch'],
  ],
  'prompt-injection-defense-direct-and-indirect-attacks-and-how-to-stop-them': [
    ['users trick the chatbot', 'prompt injection'],
    ['ai ignores its instructions', 'prompt injection'],
    ['hidden instructions in documents', 'indirect attacks'],
    ['chatbot reveals system prompt', 'system prompt isolation'],
  ],
  'push-notifications-at-scale-web-push-fcm-and-apns-without-losing-messages': [
    ['phone alerts not arriving', 'push notifications'],
    ['browser notification popups', 'web push'],
    ['android notification service', 'fcm'],
    ['iphone notification service', 'apns'],
    ['duplicate notifications sent', 'deduplication'],
  ],
  'race-conditions-in-distributed-systems-when-two-buyers-get-the-last-item': [
    ['both buy last item', 'race conditions'],
    ['inventory oversold', 'race conditions'],
    ['sold more than stock', 'race conditions'],
  ],
  'production-rag-semantic-chunking-reranking-and-hallucination-detection': [
    ['ai makes up answers', 'hallucination detection'],
    ['chatbot invents facts', 'hallucination'],
    ['split documents into pieces', 'semantic chunking'],
    ['reorder search results', 'reranking'],
    ['show answer sources', 'citation tracking'],
  ],
  'railway-production-deployment': [
    ['heroku alternative', 'paas'],
    ['deploy without config', 'zero configuration'],
  ],
  'read-after-write-consistency-when-the-replica-shows-old-data': [
    ['saved profile shows old', 'read-after-write'],
    ['old data after saving', 'read-after-write consistency'],
    ['secondary database behind', 'replication-lag'],
  ],
  'real-time-ai-streaming-architecture': [
    ['stream cut by proxy', 'load balancers'],
    ['stream ai output browser', 'streaming'],
  ],
  'real-time-collaboration-with-crdts-yjs-persistence-and-scaling': [
    ['google docs style editing', 'real-time collaboration'],
    ['merge simultaneous edits', 'conflict-free merging'],
    ['edits overwrite each other', 'conflicts'],
  ],
  'redis-eviction-causing-chaos-when-your-cache-turns-on-you': [
    ['redis keys disappearing', 'eviction'],
    ['redis out of memory', 'eviction'],
    ['cache keys vanish randomly', 'evicting'],
  ],
  'redis-in-2026-beyond-caching-to-the-multi-model-database': [['redis as primary database', 'multi-model database']],
  'redis-streams-consumer-groups-and-ordering-without-kafka': [
    ['lightweight kafka alternative', 'redis streams'],
    ['workers share message queue', 'consumer groups'],
    ['activity feed backend', 'activity feeds'],
  ],
  'refactoring-legacy-code-safely-strangler-fig-tests-first-and-small-steps': [
    ['replace old code gradually', 'strangler fig'],
    ['afraid to touch code', 'legacy code'],
    ['migrate piece by piece', 'strangler fig'],
    ['change breaks other things', 'refactoring'],
  ],
  'slow-database-restores-from-9-hours-to-45-minutes': [
    ['restore takes hours', 'slow database restores'],
    ['restoring backup takes forever', 'slow database restores'],
    ['parallel database restore', 'pg_restore'],
  ],
  'retry-storms-how-retries-turn-a-degraded-service-into-an-outage': [
    ['retries make outage worse', 'retry storm'],
    ['clients hammer failing service', 'retry storm'],
    ['wait longer between retries', 'exponential-backoff'],
  ],
  'rewrite-or-refactor-making-the-highest-stakes-call-in-software': [
    ['rebuild entire codebase', 'rewrite'],
    ['throw away old code', 'rewrite or refactor'],
  ],
  'rust-for-javascript-developers-axum-tokio-sqlx-and-calling-rust-from-node-js': [
    ['rust web server', 'axum'],
    ['rust async runtime', 'tokio'],
    ['compile checked sql rust', 'sqlx'],
  ],
  'saying-no-to-bad-technical-decisions-translating-risk-into-business-language': [
    ['push back on founder', 'saying no'],
    ['explain risk to management', 'translating risk'],
    ['refuse bad technical idea', 'saying no'],
  ],
  'scaling-under-black-friday-traffic': [
    ['servers added too slowly', 'auto-scaling'],
    ['checkout down peak day', 'black friday'],
  ],
  'schema-changes-during-rolling-deploys-when-old-and-new-code-disagree': [
    ['rename column breaks app', 'rolling deploy'],
    ['old code new column', 'backward-compatibility'],
    ['both versions running simultaneously', 'rolling deploy'],
  ],
  'secrets-management-in-production-vault-aws-secrets-manager-infisical-and-doppler': [
    ['where store api keys', 'secrets management'],
    ['passwords in env files', 'secret management'],
    ['rotate database passwords', 'rotation'],
  ],
  'the-six-week-security-sprint-getting-ready-for-a-soc-2-audit': [
    ['enterprise deal needs audit', 'soc 2 audit'],
    ['fix security before audit', 'security sprint'],
    ['two factor login', 'mfa'],
  ],
  'server-sent-events-simpler-than-websockets-for-one-way-streaming': [
    ['server pushes updates browser', 'server-sent events'],
    ['one direction live updates', 'one-way streaming'],
    ['live dashboard updates', 'sse'],
  ],
  'shared-database-between-microservices-all-the-overhead-none-of-the-independence': [
    ['all services same postgres', 'shared database'],
    ['migration blocks every team', 'shared-database'],
  ],
  'hidden-single-points-of-failure-when-one-redis-takes-everything-down': [
    ['one component kills everything', 'single-point-of-failure'],
    ['redis outage breaks everything', 'single-point-of-failure'],
  ],
  'slow-queries-at-scale': [
    ['fast locally slow production', 'full table scan'],
    ['slow with millions rows', 'indexing'],
  ],
  'soc-2-type-ii-for-engineering-teams-what-auditors-check-and-what-to-build': [
    ['collect compliance proof automatically', 'automated compliance evidence'],
  ],
  'split-brain-when-a-network-partition-creates-two-primaries': [
    ['two databases both primary', 'split brain'],
    ['two masters after outage', 'two primaries'],
    ['cluster data diverged', 'split brain'],
    ['network split cluster', 'network partition'],
  ],
  'streaming-llm-responses': [
    ['chatgpt typing effect', 'streaming'],
    ['cancel ai response midway', 'abort patterns'],
    ['error halfway through response', 'mid-stream errors'],
  ],
  'supabase-in-production-auth-row-level-security-realtime-and-edge-functions': [
    ['restrict rows per user', 'row-level security'],
    ['firebase alternative postgres', 'supabase'],
    ['database permissions per user', 'rls policies'],
  ],
  'synchronous-coupling-when-one-slow-service-takes-down-signup': [
    ['slow service breaks signup', 'synchronous coupling'],
    ['chain of http calls', 'synchronous http call'],
    ['send email in background', 'event-driven'],
  ],
  'system-design-ai-products': [
    ['backup model when down', 'fallback chains'],
    ['architecture for ai app', 'system design'],
  ],
  'system-design-interviews-in-2026-what-interviewers-look-for-now': [
    ['architecture interview prep', 'system design interviews'],
  ],
  'tech-debt-from-ai-generated-code-measuring-classifying-and-paying-it-down': [
    ['messy copilot code', 'tech debt'],
    ['cleaning up chatgpt code', 'ai-generated code'],
  ],
  'reusable-terraform-modules-versioning-testing-and-composition': [
    ['copy pasted infra code', 'code duplication'],
    ['reuse infra across accounts', 'reusable terraform modules'],
    ['share terraform between projects', 'modules'],
  ],
  'third-party-outages-when-your-sms-provider-blocks-every-login': [
    ['sms codes not arriving', 'otp'],
    ['login codes not delivered', 'otp'],
    ['twilio down login broken', 'third-party outage'],
    ['backup sms provider', 'secondary providers'],
    ['vendor outage breaks app', 'third-party outages'],
  ],
  'thread-pool-starvation-why-node-js-blocks-even-in-async-code': [
    ['async code still slow', 'thread pool starvation'],
    ['crypto hashing blocks node', 'libuv'],
    ['bcrypt slows node server', 'thread pool starvation'],
  ],
  'thundering-herd-service-restart': [
    ['crash right after restart', 'thundering herd'],
    ['restart overwhelmed by requests', 'thundering herd'],
    ['drop excess requests', 'load-shedding'],
  ],
  'the-distributed-monolith-microservices-that-must-deploy-together': [
    ['cannot deploy services separately', 'distributed monolith'],
    ['services call circularly', 'coupling'],
  ],
  'timezone-bugs-invisible-until-they-are-expensive': [
    ['cron runs wrong hour', 'timezones'],
    ['daylight saving bug', 'timezone bugs'],
    ['dates off one day', 'timezone bugs'],
    ['wrong time for users', 'timezone'],
  ],
  'surviving-viral-traffic-spikes-when-your-campaign-works-too-well': [
    ['site crashed going viral', 'viral traffic spikes'],
    ['marketing campaign crashed servers', 'viral traffic'],
  ],
  'trpc-end-to-end-type-safe-apis-and-where-it-falls-short': [
    ['share types frontend backend', 'end-to-end type-safe'],
    ['api types drift', 'type-safe apis'],
  ],
  'running-typescript-without-a-build-tsx-vs-ts-node-vs-node-js-type-stripping': [
    ['run ts files directly', 'type stripping'],
    ['skip typescript compile step', 'without a build'],
  ],
  'turso-edge-database': [
    ['database close to users', 'at the edge'],
    ['sqlite with global replicas', 'distributed replicas'],
  ],
  'type-safe-env-2026': [
    ['app crashes missing config', 'runtime validation'],
    ['check config at startup', 'validate environment variables'],
  ],
  'advanced-typescript-for-backends-const-type-parameters-variadic-tuples-and-satisfies': [
    ['check object matches type', 'satisfies'],
    ['typed function argument lists', 'variadic tuples'],
    ['infer literal types generics', 'const type parameters'],
  ],
  'typescript-monorepos-turborepo-vs-nx-vs-native-workspaces': [
    ['many packages one repo', 'monorepo'],
    ['share code between apps', 'workspaces'],
    ['cache builds across packages', 'caching strategies'],
  ],
  'unbounded-table-growth-the-missing-purge-job-that-fills-the-disk': [
    ['delete old rows automatically', 'purge job'],
    ['table grows forever', 'unbounded table growth'],
    ['old sessions never deleted', 'data-retention'],
  ],
  'underprovisioned-infra-causing-downtime': [
    ['instance too small', 'underprovisioning'],
    ['database runs out memory', 'underprovisioning'],
    ['one availability zone outage', 'single-az'],
  ],
  'upstash-serverless-redis-kafka-and-qstash-with-per-request-pricing': [
    ['pay per request redis', 'per-request pricing'],
    ['redis for vercel functions', 'serverless redis'],
    ['no bill when idle', 'no idle cost'],
  ],
  'vector-database-selection': [
    ['where store embeddings', 'vector database'],
    ['postgres for embeddings', 'pgvector'],
  ],
  'vercel-ai-sdk-deep-dive': [
    ['add chatbot next app', 'vercel ai sdk'],
    ['get json from ai', 'structured output'],
  ],
  'webassembly-on-the-backend-where-wasm-actually-makes-sense-in-2026': [
    ['plugins in any language', 'plugin architectures'],
    ['sandboxed plugin code', 'wasm'],
    ['fast image processing server', 'image processing'],
  ],
  'websocket-scale-2026': [
    ['live connections many servers', 'horizontal scaling'],
    ['messages between server instances', 'redis pub/sub'],
    ['chat app scaling', 'websockets'],
  ],
  'zero-downtime-ai-updates': [
    ['test new model safely', 'shadow mode'],
    ['switch ai model safely', 'zero-downtime'],
    ['version control prompts', 'prompt versioning'],
    ['gradually roll out model', 'canary deployments'],
  ],
  'zero-trust-for-microservices-mtls-service-identity-and-short-lived-credentials': [
    ['services verify each other', 'mtls'],
    ['service to service authentication', 'service identity'],
    ['encrypt internal service traffic', 'mtls'],
    ['temporary credentials expire', 'short-lived credentials'],
  ],
  'logixia-async-logging': [
    ['logging slows node app', 'async-first logging'],
    ['mask sensitive log fields', 'field redaction'],
    ['rotate log files', 'file rotation'],
  ],
  'docker-from-scratch-containers-images-dockerfiles-and-compose': [
    ['works on my machine', 'docker'],
    ['run app same everywhere', 'containers'],
    ['run multiple services locally', 'docker compose'],
  ],
  'typescript-vs-javascript-every-difference-and-how-to-migrate': [
    ['add types to javascript', 'typescript'],
    ['convert javascript project', 'migrate'],
  ],
  'web-security-essentials-preventing-xss-sql-injection-csrf-and-broken-auth': [
    ['script injected into page', 'xss'],
    ['user input in query', 'sql injection'],
    ['forged form submission', 'csrf'],
    ['stolen session login', 'broken auth'],
  ],
  'typescript-for-javascript-developers-up-to-speed-in-one-sitting': [['javascript with types', 'typescript']],
  'poor-error-handling-summary-cut-off-in-the-catalog': [
    ['unhandled errors crash server', 'error handling'],
    ['try catch everywhere', 'exceptions'],
  ],
  'building-a-production-rest-api-with-express': [['node http api', 'express']],
  'async-python-asyncio-async-await-httpx-and-aiofiles': [
    ['python requests in parallel', 'asyncio'],
    ['concurrent http calls python', 'httpx'],
    ['read files without blocking', 'aiofiles'],
  ],
  'building-a-rest-api-with-fastapi-from-scratch': [
    ['python web api', 'fastapi'],
    ['faster flask alternative', 'fastapi'],
    ['automatic api docs python', 'automatic docs'],
  ],
};
