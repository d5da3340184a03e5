/**
 * Click-through decision trees: one question at a time, answer buttons, back and restart, the
 * path so far as breadcrumbs, and the whole path in the URL (decision-path.ts), one history entry
 * per move, so a reload, a shared link and the browser's Back all restore where the walk was. The
 * nested text form stays in the page for no-JS and print.
 */
import { hashToPath, pathToHash, type PathStep } from './decision-path.ts';

interface TreeNode {
  id: string;
  question: string;
  /** The node's explanation, as the outline shows it (rendered at build time from the runbook). */
  body: Element[];
  answers: { label: string; kind: 'decision' | 'step' | 'runbook' | 'outcome'; id?: string; href?: string; text: string }[];
}

/** The tree, read back from its nested-text form (site/decision-outline.ts writes both). */
export function readTree(root: ParentNode): Map<string, TreeNode> {
  const nodes = new Map<string, TreeNode>();
  for (const el of root.querySelectorAll<HTMLElement>('.lb-outline-node[data-decision]')) {
    const question = el.querySelector(':scope > .lb-outline-question')!;
    const list = el.querySelector(':scope > .lb-outline-answers')!;
    const answers = [...list.children].map((li): TreeNode['answers'][number] => {
      const { kind = 'outcome', id } = (li as HTMLElement).dataset as { kind?: TreeNode['answers'][number]['kind']; id?: string };
      const label = li.querySelector(':scope > .lb-answer-label')?.textContent ?? '';
      if (kind === 'decision') return { label, kind, id: id!, text: '' };
      if (kind === 'outcome') return { label, kind, text: li.querySelector(':scope > .lb-outcome')?.textContent ?? '' };
      const link = li.querySelector(':scope > a')!;
      return { label, kind, href: link.getAttribute('href')!, text: link.textContent ?? '' };
    });
    const body = [...el.children].filter((child) => child !== question && child !== list);
    nodes.set(el.dataset.decision!, { id: el.dataset.decision!, question: question.textContent!.trim(), body, answers });
  }
  return nodes;
}

/** `urlUpdates: false` where the hash belongs to someone else (the offline edition's views). */
export function initDecisionTrees(options: { urlUpdates?: boolean; within?: ParentNode } = {}): void {
  for (const root of (options.within ?? document).querySelectorAll<HTMLElement>('[data-lb-tree]')) initTree(root, options.urlUpdates ?? true);
}

function initTree(root: HTMLElement, urlUpdates: boolean): void {
  const nodes = readTree(root.querySelector('.lb-outline')!);
  const start = root.dataset.start!;
  const walk = root.querySelector<HTMLElement>('[data-walk]')!;
  const crumbs = walk.querySelector<HTMLOListElement>('[data-crumbs]')!;
  const panel = walk.querySelector<HTMLElement>('[data-node]')!;
  const back = walk.querySelector<HTMLButtonElement>('[data-back]')!;
  const restart = walk.querySelector<HTMLButtonElement>('[data-restart]')!;
  /** Path taken: each entry is a node id and the answer given there. */
  let path: PathStep[] = [{ id: start }];

  /** `push`: a move of the reader's, one history entry; `none`: the URL already says it. */
  const render = (focus: boolean, url: 'push' | 'none' = 'push') => {
    const current = path.at(-1)!;
    crumbs.replaceChildren(
      ...path.slice(0, -1).map((step, i) => {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'lb-crumb';
        const node = nodes.get(step.id)!;
        button.textContent = `${node.question} → ${node.answers[step.answer!]!.label}`;
        button.addEventListener('click', () => {
          path = path.slice(0, i + 1).map((s, j) => (j === i ? { id: s.id } : s));
          render(true);
        });
        li.append(button);
        return li;
      }),
    );
    back.disabled = path.length === 1 && current.answer === undefined;
    restart.disabled = path.length === 1 && current.answer === undefined;
    const node = nodes.get(current.id)!;
    panel.replaceChildren();
    const heading = document.createElement('p');
    heading.className = 'lb-walk-question';
    heading.tabIndex = -1;
    heading.textContent = node.question;
    panel.append(heading);
    if (node.body.length) {
      const body = document.createElement('div');
      body.className = 'lb-walk-body';
      body.append(...node.body.map((el) => el.cloneNode(true)));
      panel.append(body);
    }
    if (current.answer === undefined) {
      const list = document.createElement('div');
      list.className = 'lb-walk-answers';
      list.setAttribute('role', 'group');
      list.setAttribute('aria-label', 'Answers');
      node.answers.forEach((answer, index) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'lb-answer';
        button.textContent = answer.label;
        button.addEventListener('click', () => choose(index));
        list.append(button);
      });
      panel.append(list);
    } else {
      panel.append(resultOf(node.answers[current.answer]!));
    }
    if (url === 'push' && urlUpdates && location.hash !== pathToHash(path)) history.pushState(null, '', pathToHash(path));
    if (focus) heading.focus({ preventScroll: false });
  };

  const choose = (index: number) => {
    const current = path.at(-1)!;
    const answer = nodes.get(current.id)!.answers[index]!;
    current.answer = index;
    // For incident mode's timeline (incident-ui.ts): the question and the answer taken.
    root.dispatchEvent(new CustomEvent('lb:decision', { bubbles: true, detail: { decision: current.id, question: nodes.get(current.id)!.question, answer: answer.label } }));
    if (answer.kind === 'decision') path.push({ id: answer.id! });
    render(true);
  };

  back.addEventListener('click', () => {
    const current = path.at(-1)!;
    if (current.answer !== undefined) current.answer = undefined;
    else if (path.length > 1) {
      path.pop();
      path.at(-1)!.answer = undefined;
    }
    render(true);
  });
  restart.addEventListener('click', () => {
    path = [{ id: start }];
    render(true);
  });

  const fromHash = () => {
    // No fragment: the browser's Back went past the first answer, to the page as it was opened.
    const found = location.hash === '' ? [{ id: start }] : hashToPath(location.hash, nodes, start);
    if (!found) return false;
    path = found;
    render(false, 'none');
    walk.scrollIntoView({ block: 'start' });
    return true;
  };
  walk.hidden = false;
  root.classList.add('lb-tree-enhanced');
  // The click-through is the main view now; the text form stays one click away (and in print).
  root.querySelector<HTMLDetailsElement>('.lb-tree-text')?.removeAttribute('open');
  if (location.hash === '' || !fromHash()) render(false, 'none');
  window.addEventListener('hashchange', fromHash);
}

function resultOf(answer: TreeNode['answers'][number]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'lb-walk-result';
  if (answer.kind === 'outcome') {
    const strong = document.createElement('strong');
    strong.textContent = answer.text;
    box.append(strong);
    return box;
  }
  box.append(answer.kind === 'step' ? 'Go to step ' : 'Continue in runbook ');
  const link = document.createElement('a');
  link.href = answer.href!;
  link.textContent = answer.text;
  box.append(link);
  return box;
}
