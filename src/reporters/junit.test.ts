import { describe, expect, it } from 'vitest';
import { at } from '../errors/issue.ts';
import { junitReporter } from './junit.ts';
import { context, issues, uncatalogued } from './report-fixtures.ts';

/**
 * A strict well-formedness check of the XML subset the report uses (no XML parser is a direct
 * dependency): one root, balanced tags, double-quoted attributes, only predefined or numeric
 * entities, no `]]>` and no character XML 1.0 forbids.
 */
function expectWellFormed(xml: string): void {
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
  expect(xml.startsWith(prolog)).toBe(true);
  const body = xml.slice(prolog.length).trimEnd();
  expect(body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  const badEntity = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
  const token = /<(\/?)([A-Za-z][\w-]*)((?:\s+[A-Za-z][\w-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const stack: string[] = [];
  let roots = 0;
  while (token.lastIndex < body.length) {
    const at = token.lastIndex;
    const match = token.exec(body);
    if (!match) throw new Error(`Not well-formed at ${at}: ${body.slice(at, at + 60)}`);
    const [, closing, name, attributes, selfClosing, text] = match;
    if (text !== undefined) {
      expect(stack.length > 0 || !text.trim(), `text outside the root: ${text}`).toBe(true);
      expect(text).not.toMatch(badEntity);
      expect(text).not.toContain(']]>');
      continue;
    }
    expect(attributes).not.toMatch(badEntity);
    if (closing) {
      expect(stack.pop(), `</${name}> closes the wrong element`).toBe(name);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name!);
    }
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

describe('junit reporter', () => {
  it('writes a suite per file, a failure per error, a skipped test per warning and a passing test per clean file', () => {
    const { stdout } = junitReporter(issues, context);
    expectWellFormed(stdout);
    expect(stdout).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="Lifeboat" tests="6" failures="3" errors="0" skipped="1">
        <testsuite name="facts/dr-euc1.json" tests="1" failures="1" errors="0" skipped="0">
          <testcase classname="facts/dr-euc1.json" name="FactsInvalid" file="facts/dr-euc1.json">
            <failure message="This facts snapshot is not valid: &quot;version&quot; is 2, and this Lifeboat reads version 1 — ignoring it, so this cluster's facts count as unknown." type="FactsInvalid">facts/dr-euc1.json
        facts/dr-euc1.json  error  FactsInvalid
          This facts snapshot is not valid: "version" is 2, and this Lifeboat reads version 1 — ignoring it, so this cluster's facts count as unknown.
          hint: Collect it again with \`lifeboat facts --context &lt;context&gt;=&lt;cluster&gt;\`; do not edit snapshots by hand.
          docs: https://runbooks.example.com/errors/facts-invalid/</failure>
          </testcase>
        </testsuite>
        <testsuite name="runbooks/dns-failover.yaml" tests="1" failures="0" errors="0" skipped="0">
          <testcase classname="runbooks/dns-failover.yaml" name="no problems" file="runbooks/dns-failover.yaml" />
        </testsuite>
        <testsuite name="runbooks/payments/restore-db.yaml" tests="3" failures="2" errors="0" skipped="1">
          <testcase classname="runbooks/payments/restore-db.yaml" name="FactUnavailable at 8:14" file="runbooks/payments/restore-db.yaml" line="8">
            <skipped message="steps[0].commands[0].run uses {{ facts.dr.lastBackup.ledger-hourly }}, but no snapshot of cluster &quot;dr-euc1&quot; was collected, so the page shows a marked placeholder instead of a value.">runbooks/payments/restore-db.yaml
        runbooks/payments/restore-db.yaml:8:14  warning  FactUnavailable
          steps[0].commands[0].run uses {{ facts.dr.lastBackup.ledger-hourly }}, but no snapshot of cluster "dr-euc1" was collected, so the page shows a marked placeholder instead of a value.
          hint: Collect facts for that cluster (\`lifeboat facts\`), or grant the collector read access to that kind.
          docs: https://runbooks.example.com/errors/fact-unavailable/
            6 |     title: Scale the API down
            7 |     commands:
          &gt; 8 |       - run: kubectl -n payments scale deploy/api --replicas={{ facts.dr.lastBackup.ledger-hourly }}
              |              ^</skipped>
          </testcase>
          <testcase classname="runbooks/payments/restore-db.yaml" name="UnknownClusterRole at 9:18" file="runbooks/payments/restore-db.yaml" line="9">
            <failure message="steps[0].commands[0].cluster names cluster role &quot;disaster&quot;, which is mapped neither in this runbook's \`clusters\` nor in the site configuration." type="UnknownClusterRole">runbooks/payments/restore-db.yaml
        runbooks/payments/restore-db.yaml:9:18  error  UnknownClusterRole
          steps[0].commands[0].cluster names cluster role "disaster", which is mapped neither in this runbook's \`clusters\` nor in the site configuration.
          hint: Known roles: primary, dr. To map it, add \`clusters: { disaster: &lt;cluster-name&gt; }\` to the runbook or to lifeboat.config.yaml.
          docs: https://runbooks.example.com/errors/unknown-cluster-role/
            7 |     commands:
            8 |       - run: kubectl -n payments scale deploy/api --replicas={{ facts.dr.lastBackup.ledger-hourly }}
          &gt; 9 |         cluster: disaster
              |                  ^</failure>
          </testcase>
          <testcase classname="runbooks/payments/restore-db.yaml" name="DanglingGoto at 15:15" file="runbooks/payments/restore-db.yaml" line="15">
            <failure message="decisions[0].answers[0] goes to &quot;restart-pod&quot;, but no step or decision in this runbook has that id." type="DanglingGoto">runbooks/payments/restore-db.yaml
        runbooks/payments/restore-db.yaml:15:15  error  DanglingGoto
          decisions[0].answers[0] goes to "restart-pod", but no step or decision in this runbook has that id.
          hint: Did you mean "restart-pods"?
          docs: https://runbooks.example.com/errors/dangling-goto/
            13 |     answers:
            14 |       - label: No
          &gt; 15 |         goto: restart-pod
               |               ^</failure>
          </testcase>
        </testsuite>
        <testsuite name="runbooks/payments/scale-api.yaml" tests="1" failures="0" errors="0" skipped="0">
          <testcase classname="runbooks/payments/scale-api.yaml" name="no problems" file="runbooks/payments/scale-api.yaml" />
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('escapes markup, quotes, line breaks and forbidden control characters from messages and file names', () => {
    const nasty = {
      ...uncatalogued,
      file: 'runbooks/a&b "c".yaml',
      position: at(2, 3),
      message: 'Component <Step id="x"> said \u001b[31mred\u001b[39m & left ]]> behind\r\n\ttoo',
      hint: 'Bell \u0007, lone surrogate \uD800, lifebuoy 🛟.',
    };
    const { stdout } = junitReporter([nasty], { ...context, files: [] });
    expectWellFormed(stdout);
    expect(stdout).toContain(
      '<testcase classname="runbooks/a&amp;b &quot;c&quot;.yaml" name="StorageClassMissing at 2:3" file="runbooks/a&amp;b &quot;c&quot;.yaml" line="2">',
    );
    expect(stdout).toContain(
      '<failure message="Component &lt;Step id=&quot;x&quot;&gt; said \\u001B[31mred\\u001B[39m &amp; left ]]&gt; behind&#13;&#10;&#9;too" type="StorageClassMissing">',
    );
    expect(stdout).toContain('    Component &lt;Step id="x"&gt; said \\u001B[31mred\\u001B[39m &amp; left ]]&gt; behind&#13;\n    \ttoo\n');
    expect(stdout).toContain('    hint: Bell \\u0007, lone surrogate \\uD800, lifebuoy 🛟.</failure>');
  });

  it('lists only the files with issues when the checked files are not known', () => {
    const { files: _, ...withoutFiles } = context;
    const { stdout } = junitReporter(issues, withoutFiles);
    expect(stdout).toContain('<testsuites name="Lifeboat" tests="4" failures="3" errors="0" skipped="1">');
    expect(stdout).not.toContain('no problems');
  });

  it('counts every clean file as one passing test when there are no issues', () => {
    const { stdout } = junitReporter([], context);
    expectWellFormed(stdout);
    expect(stdout).toContain('<testsuites name="Lifeboat" tests="3" failures="0" errors="0" skipped="0">');
    expect(stdout.match(/<testcase [^>]*name="no problems"[^>]*\/>/g)).toHaveLength(3);
  });

  it('rejects XML that is not well-formed, so the check above means something', () => {
    expect(() => expectWellFormed('<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a></b>')).toThrow();
    expect(() => expectWellFormed('<?xml version="1.0" encoding="UTF-8"?>\n<a>x & y</a>')).toThrow();
    expect(() => expectWellFormed('<?xml version="1.0" encoding="UTF-8"?>\n<a t="\u0007"/>')).toThrow();
    expect(() => expectWellFormed('<?xml version="1.0" encoding="UTF-8"?>\n<a/><b/>')).toThrow();
  });
});
