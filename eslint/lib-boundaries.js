// @ts-check
// The boundaries between libs, in ONE map, turned into ESLint's no-restricted-imports so that a
// forbidden arrow or a deep import fails `npm run lint`. A lib is reached only through its front
// door, `@mutuals/<lib>` (its index.ts); inside a lib, files import each other relatively.
//
// To add a lib: give it an entry here (most are here already) and a path in tsconfig.json.

/** Each lib and the libs it may import. Events count: listening to a lib's event imports its types. */
const LIBS = {
  contracts: [],
  core: ['contracts'],
  identity: ['core', 'contracts'],
  profiles: ['core', 'contracts', 'identity'],
  realtime: ['core', 'contracts', 'identity'],
  // matching -> chat: a mentorship's view asks chat for the pair's conversation. matching -> files:
  // goals link resources from the library, whose titles files answers.
  matching: ['core', 'contracts', 'identity', 'profiles', 'chat', 'files'],
  // forums and chat -> files: posts and messages claim uploads; files asks them back only through
  // the check each registers with its FileAccessRegistry, never by importing them.
  forums: ['core', 'contracts', 'identity', 'profiles', 'realtime', 'files'],
  chat: ['core', 'contracts', 'identity', 'profiles', 'realtime', 'matching', 'files'],
  notifications: ['core', 'contracts', 'identity', 'profiles', 'realtime', 'matching', 'forums', 'chat', 'stories', 'support', 'partnerships'],
  // files -> profiles: the taxonomy tags resources, and an organisation's logo is set through profiles.
  files: ['core', 'contracts', 'identity', 'profiles'],
  // stories -> forums: a published story opens its discussion thread; -> matching: a story about a
  // mentorship credits both sides, which matching answers.
  stories: ['core', 'contracts', 'identity', 'profiles', 'files', 'forums', 'matching'],
  // The libs to come: their arrows as planned in shared/DESIGN.md; change them here when they land.
  support: ['core', 'contracts', 'identity', 'profiles', 'files'],
  // partnerships -> chat: the shortlist's group conversation is opened through chat's service.
  // partnerships -> matching: fit is scored with the engine's scoring pieces (its index exports them).
  partnerships: ['core', 'contracts', 'identity', 'profiles', 'chat', 'matching'],
  // webhooks -> notifications: deliveries run on the mail job queue and coordinators are told of a hook
  // switched off; -> identity, matching, stories, support, partnerships: the domain events its registry turns into webhook events.
  webhooks: ['core', 'contracts', 'identity', 'notifications', 'matching', 'stories', 'support', 'partnerships'],
  // programme: its read-only reporting repository also reads these libs' tables (and chat's messages) in SQL aggregates.
  programme: ['core', 'contracts', 'identity', 'profiles', 'matching', 'forums', 'chat', 'stories', 'support', 'partnerships', 'files'],
};

/** Folders of pure code inside a lib that import nothing from any other lib nor a framework. */
const PURE = {
  'libs/matching/src/engine': 'The matching engine is plain TypeScript: its caller passes in the taxonomy and anything else it needs',
};

/** Where tests may reach a lib's internals: benchmarks run a lib's very SQL against a bare baseline. */
const INTERNALS_ALLOWED = ['test/bench/**'];

const names = Object.keys(LIBS);
const anyLib = names.join('|');
const SPECS = ['**/*.spec.ts', '**/testing/**'];

const deepImport = {
  regex: '^@mutuals/[^/]+/',
  message: 'Import a lib only through its front door, @mutuals/<lib> (its index.ts); export what others need from there.',
};
const relativeIntoLib = {
  regex: `^(\\.\\./)+(libs/)?(${anyLib})/src(/|$)`,
  message: 'Reach another lib through @mutuals/<lib>, never a path into its files.',
};
const relativeIntoTests = {
  regex: '^(\\.\\./)+test/',
  message: 'Production code never imports test code.',
};

/** `@mutuals/<anything but the allowed>`: the lib itself, an unlisted lib, or a forbidden arrow. */
function onlyLibs(allowed, message) {
  return { regex: allowed.length ? `^@mutuals/(?!(${allowed.join('|')})(/|$))` : '^@mutuals/', message };
}

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

function libBlocks(name) {
  const allowed = LIBS[name];
  const arrows = onlyLibs(
    allowed,
    `libs/${name} may import only ${allowed.map((lib) => `@mutuals/${lib}`).join(', ') || 'no other lib'} (eslint/lib-boundaries.js); inside the lib, import relatively.`,
  );
  return [
    { files: [`libs/${name}/src/**/*.ts`], rules: restrict(deepImport, arrows, relativeIntoLib, relativeIntoTests) },
    // A lib's own specs may also use the shared test support (fixtures such as the XSS corpus).
    { files: SPECS.map((glob) => `libs/${name}/src/${glob}`), rules: restrict(deepImport, arrows, relativeIntoLib) },
  ];
}

function pureBlocks(folder, why) {
  // One block per depth, so that `../` one level too many (out of the folder) is caught.
  return [0, 1, 2].map((depth) => ({
    files: [`${folder}/${'*/'.repeat(depth)}*.ts`],
    ignores: SPECS.map((glob) => `${folder}/${glob}`),
    rules: restrict(
      { regex: '^@mutuals/', message: `${why}.` },
      { regex: '^(@nestjs/|typeorm$|pg$)', message: `${why}: no framework or database.` },
      { regex: `^(\\.\\./){${depth + 1}}`, message: `${why}: nothing outside ${folder}.` },
    ),
  }));
}

/** The flat-config blocks, in order: later blocks replace earlier ones for the files they match. */
function boundaryBlocks() {
  return [
    { files: ['apps/api/**/*.ts', 'test/**/*.ts'], rules: restrict(deepImport, { ...relativeIntoLib, regex: '^(\\.\\./)+libs/' }) },
    { files: INTERNALS_ALLOWED, rules: restrict(deepImport) },
    {
      files: ['apps/web/**/*.{ts,tsx}'],
      rules: restrict(onlyLibs(['contracts'], 'The browser client shares only @mutuals/contracts with the api.'), deepImport),
    },
    ...names.flatMap(libBlocks),
    ...Object.entries(PURE).flatMap(([folder, why]) => pureBlocks(folder, why)),
  ];
}

module.exports = { LIBS, PURE, boundaryBlocks };
