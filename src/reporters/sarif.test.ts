import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueCodes } from './catalogue.ts';
import { context, issues, uncatalogued } from './report-fixtures.ts';
import { buildSarifLog, SARIF_SCHEMA_URI, sarifReporter } from './sarif.ts';

/** The official OASIS schema, copied byte for byte (source in test/fixtures/sarif/README.md). */
const schema = JSON.parse(readFileSync(new URL('../../test/fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));

/**
 * The JSON Schema validator: `@cfworker/json-schema` (draft-04 with format checks). It is not a
 * dependency yet; until `npm install -D @cfworker/json-schema@4.1.6` adds it, the schema test is
 * skipped, and the exact assertions below still run. The specifier is a variable so that the
 * type check passes either way.
 */
const VALIDATOR = '@cfworker/json-schema';
type ValidatorModule = {
  Validator: new (schema: object, draft: '4', shortCircuit: boolean) => { validate(value: unknown): { valid: boolean; errors: unknown[] } };
};
const validator: ValidatorModule | undefined = await import(VALIDATOR).catch(() => undefined);
const validate = (log: unknown) => new validator!.Validator(schema, '4', false).validate(log);

const run = (log: ReturnType<typeof buildSarifLog>) => log.runs[0]!;

describe('sarif reporter', () => {
  it.skipIf(!validator)('writes logs that the official SARIF 2.1.0 schema accepts, and the schema rejects a broken one', () => {
    const full = JSON.parse(sarifReporter([...issues, uncatalogued], { ...context, commitSha: 'abc123', repositoryUrl: 'https://github.com/acme/runbooks' }).stdout);
    expect(validate(full).errors).toEqual([]);
    expect(validate(JSON.parse(sarifReporter([], { toolVersion: '0.1.0', runbookCount: 0 }).stdout)).valid).toBe(true);
    delete full.runs[0].results[0].message;
    expect(validate(full).valid).toBe(false);
  });

  it('points $schema at the schema the test validates against', () => {
    expect(schema.id).toBe(SARIF_SCHEMA_URI);
    expect(JSON.parse(sarifReporter([], context).stdout).$schema).toBe(SARIF_SCHEMA_URI);
  });

  it('describes the tool and every catalogue rule, with its title, description, fix, level and docs page', () => {
    const { driver } = run(buildSarifLog(issues, context)).tool;
    expect(driver).toMatchObject({ name: 'Lifeboat', version: '0.1.0', informationUri: 'https://runbooks.example.com/errors/' });
    expect(driver.rules.map((rule) => rule.id)).toEqual(catalogueCodes());
    expect(driver.rules.find((rule) => rule.id === 'IgnoredFile')).toEqual({
      id: 'IgnoredFile',
      shortDescription: { text: 'File is not a runbook' },
      fullDescription: { text: 'Only `.yaml`, `.yml` and `.mdx` files are runbooks. A `.md` file is most likely a runbook with the wrong extension.' },
      help: { text: 'Rename it to `.mdx` (and check its frontmatter) or move it elsewhere.' },
      helpUri: 'https://runbooks.example.com/errors/ignored-file/',
      defaultConfiguration: { level: 'warning' },
    });
  });

  it('writes a result with rule, level, message and hint, file and region', () => {
    const log = buildSarifLog(issues, context);
    const [result] = run(log).results;
    expect(result).toEqual({
      ruleId: 'DanglingGoto',
      ruleIndex: catalogueCodes().indexOf('DanglingGoto'),
      level: 'error',
      message: { text: 'decisions[0].answers[0] goes to "restart-pod", but no step or decision in this runbook has that id.\nDid you mean "restart-pods"?' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'runbooks/payments/restore-db.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 15, startColumn: 15 },
          },
          logicalLocations: [{ fullyQualifiedName: 'decisions[0].answers[0].goto' }],
        },
      ],
    });
    expect(run(log).tool.driver.rules[result!.ruleIndex]!.id).toBe('DanglingGoto');
    expect(run(log).results[2]!.level).toBe('warning');
  });

  it('gives a result without a position a location with no region', () => {
    const result = run(buildSarifLog(issues, context)).results[3]!;
    expect(result.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'facts/dr-euc1.json', uriBaseId: '%SRCROOT%' } } }]);
  });

  it('adds a rule for a code the catalogue does not know, and points the result at it', () => {
    const log = run(buildSarifLog([uncatalogued, uncatalogued], context));
    const rules = log.tool.driver.rules;
    expect(rules).toHaveLength(catalogueCodes().length + 1);
    expect(rules.at(-1)).toEqual({ id: 'StorageClassMissing', shortDescription: { text: 'StorageClassMissing' }, defaultConfiguration: { level: 'error' } });
    expect(log.results.map((r) => r.ruleIndex)).toEqual([rules.length - 1, rules.length - 1]);
  });

  it('percent-encodes file paths into URI references, keeping the slashes', () => {
    const odd = { ...uncatalogued, file: 'runbooks/my runbook #2:ü%.yaml' };
    const [result] = run(buildSarifLog([odd], context)).results;
    expect(result!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('runbooks/my%20runbook%20%232%3A%C3%BC%25.yaml');
  });

  it('records the repository and commit when known, and leaves out links it cannot make', () => {
    const withRepo = run(buildSarifLog([], { ...context, commitSha: 'abc123', repositoryUrl: 'https://github.com/acme/runbooks' }));
    expect(withRepo.versionControlProvenance).toEqual([{ repositoryUri: 'https://github.com/acme/runbooks', revisionId: 'abc123' }]);
    const { site: _, ...noSite } = context;
    const bare = run(buildSarifLog([], { ...noSite, commitSha: 'abc123', repositoryUrl: 'not a url' }));
    expect(bare.versionControlProvenance).toBeUndefined();
    expect(bare.tool.driver).not.toHaveProperty('informationUri');
    expect(bare.tool.driver.rules.some((rule) => 'helpUri' in rule)).toBe(false);
  });
});
