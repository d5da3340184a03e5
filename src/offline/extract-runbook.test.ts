import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { balancedDiv, extractRunbook, rewriteLinks, stepSections } from './extract-runbook.ts';
import { packRunbooks } from './packed-runbooks.ts';

const page = `<html><body><h1 id="_top" class="x">Restore &amp; verify</h1>
<div class="lb-runbook" data-runbook="rb-1"><span hidden data-pagefind-filter="service">payments</span><span hidden data-pagefind-filter="tier">tier 1</span>
<div class="inner"><script type="module" src="/_astro/CommandBlock.js"></script>
<section class="lb-step" id="step-save" aria-labelledby="step-save-title"><h3 id="step-save-title"><span class="lb-step-number">1.1</span> Save <small title="Estimated time">~5m</small></h3>
<p>Run it &lt;now&gt;, see <a href="#step-check">the check</a>, <a href="/runbooks/rb-2/#step-x">rb-2</a>, <a href="/readiness/">readiness</a>.</p>
<pre class="lb-command-code"><code id="cmd-1">velero get backups</code></pre><svg><marker id="m"/><polyline marker-end="url(#m)"/></svg></section>
<ul><li data-kind="decision" data-id="ready"><a href="#decision-ready">Ready?</a></li><li data-kind="step"><a href="#step-save">1.1 Save</a></li><li data-kind="runbook"><a href="/runbooks/rb-3/">rb-3</a></li></ul>
</div></div><footer>not content</footer></body></html>`;

describe('taking a built runbook page apart for the offline edition', () => {
  it('finds the element that a <div> opens, nested divs included', () => {
    const html = '<div a><div b></div><div c><div d></div></div></div><div e></div>';
    expect(balancedDiv(html, 0)).toBe('<div a><div b></div><div c><div d></div></div></div>');
  });

  it('keeps the content block and its metadata, drops module scripts, and reads each step back as text', () => {
    const runbook = extractRunbook(page, 'https://runbooks.example')!;
    expect(runbook).toMatchObject({ id: 'rb-1', title: 'Restore & verify', service: 'payments', tier: 'tier 1' });
    expect(runbook.html.startsWith('<div class="lb-runbook"')).toBe(true);
    expect(runbook.html).not.toContain('CommandBlock.js');
    expect(runbook.html).not.toContain('footer');
    // The edition's page reads the steps from the unpacked HTML, ids already made unique.
    expect(stepSections(runbook.html)).toEqual([{ anchor: 'rb-rb-1--step-save', title: '1.1 Save', text: expect.stringContaining('Run it <now>, see the check') }]);
    expect(extractRunbook('<html>no runbook</html>', undefined)).toBeUndefined();
  });

  it('makes ids unique per runbook and points every link inside the edition or at the online site', () => {
    const html = rewriteLinks('rb-1', balancedDiv(page, page.indexOf('<div class="lb-runbook"')), 'https://runbooks.example/');
    expect(html).toContain('id="rb-rb-1--step-save" aria-labelledby="rb-rb-1--step-save-title"');
    expect(html).toContain('<code id="rb-rb-1--cmd-1">');
    expect(html).toContain('href="#rb-rb-1--step-check"');
    expect(html).toContain('href="#rb-rb-2--step-x"');
    expect(html).toContain('href="https://runbooks.example/readiness/"');
    expect(html).toContain('marker-end="url(#rb-rb-1--m)"');
    // A decision tree's answers (the walker reads them from these links); `data-id` names a node, not an element.
    expect(html).toContain('<li data-kind="decision" data-id="ready"><a href="#rb-rb-1--decision-ready">Ready?</a></li><li data-kind="step"><a href="#rb-rb-1--step-save">1.1 Save</a></li><li data-kind="runbook"><a href="#rb-rb-3">rb-3</a></li>');
    // With no published site, links to other pages are kept as text only.
    expect(rewriteLinks('rb-1', '<a href="/readiness/">r</a>', undefined)).toBe('<a data-href-online-only="">r</a>');
  });

  it('packs the runbooks small and unpacks them to the same data', () => {
    const runbook = extractRunbook(page, undefined)!;
    const many = Array.from({ length: 200 }, (_, i) => ({ ...runbook, id: `rb-${i}` }));
    const packed = packRunbooks(many);
    expect(packed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8'))).toEqual(many);
    expect(packed.length).toBeLessThan(JSON.stringify(many).length / 20);
  });
});
