import { posix } from 'node:path'
import ts from 'typescript'

/** A source file of the project, by its path from the repository root (with `/`). */
export type SourceFile = { path: string; text: string }

export type Manifest = {
  name?: string
  exports?: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

/** What an import names once resolved: a file of the project, an npm package, or a Node.js built-in. */
export type Target =
  | { kind: 'file'; path: string }
  | { kind: 'package'; name: string; specifier: string }
  | { kind: 'builtin'; specifier: string }
  | { kind: 'expression' }

export type ImportEdge = {
  from: string
  line: number
  specifier: string
  /** `import type`, `export type … from` and `typeof import(…)`: gone at run time, still a dependency. */
  typeOnly: boolean
  target: Target
}

export type FileFacts = {
  imports: ImportEdge[]
  /** Lines that read `process.env`, and lines that change it. */
  environmentReads: number[]
  environmentWrites: number[]
}

const scriptKind = (path: string) => (path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)

const isProcessEnv = (node: ts.Node): boolean =>
  ts.isPropertyAccessExpression(node) &&
  node.name.text === 'env' &&
  ts.isIdentifier(node.expression) &&
  node.expression.text === 'process'

const assignmentOperators = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
])

/** `process.env.X = …`, `process.env.X ??= …`, `delete process.env.X`, `Object.assign(process.env, …)`. */
const writesEnvironment = (processEnv: ts.Node): boolean => {
  const member = processEnv.parent
  if (
    member &&
    (ts.isPropertyAccessExpression(member) || ts.isElementAccessExpression(member)) &&
    member.expression === processEnv
  ) {
    const parent = member.parent
    if (parent && ts.isBinaryExpression(parent) && parent.left === member && assignmentOperators.has(parent.operatorToken.kind)) {
      return true
    }
    if (parent && ts.isDeleteExpression(parent)) return true
  }
  const call = processEnv.parent
  return Boolean(
    call && ts.isCallExpression(call) && call.arguments[0] === processEnv && call.expression.getText() === 'Object.assign',
  )
}

/** Every import of a file (static, type-only, re-export, literal `import()`), and its uses of `process.env`. */
export const readFileFacts = (file: SourceFile): Omit<FileFacts, 'imports'> & { imports: Omit<ImportEdge, 'target'>[] } => {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, scriptKind(file.path))
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
  const facts = {
    imports: [] as Omit<ImportEdge, 'target'>[],
    environmentReads: [] as number[],
    environmentWrites: [] as number[],
  }
  const add = (node: ts.Node, specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (specifier && ts.isStringLiteralLike(specifier)) {
      facts.imports.push({ from: file.path, line: lineOf(node), specifier: specifier.text, typeOnly })
    } else {
      facts.imports.push({ from: file.path, line: lineOf(node), specifier: '', typeOnly })
    }
  }
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      // `import { type A } from 'x'` still loads 'x' under verbatimModuleSyntax: only `import type` is type-only.
      add(node, node.moduleSpecifier, Boolean(node.importClause?.isTypeOnly))
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node, node.moduleSpecifier, node.isTypeOnly)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], false)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true)
    } else if (isProcessEnv(node)) {
      ;(writesEnvironment(node) ? facts.environmentWrites : facts.environmentReads).push(lineOf(node))
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return facts
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export const packageName = (specifier: string) => {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
}

/** Workspace packages by name, with the folder they live in. */
export type Workspaces = Map<string, { dir: string; manifest: Manifest }>

/** Resolves `@market/x` and `@market/x/sub` through the package's `exports` (`"."` and `"./*"` patterns). */
const resolveWorkspace = (specifier: string, workspaces: Workspaces): string | undefined => {
  const name = packageName(specifier)
  const workspace = workspaces.get(name)
  if (!workspace) return undefined
  const subpath = `.${specifier.slice(name.length)}`
  const exports = workspace.manifest.exports ?? { '.': './index.ts' }
  const exact = exports[subpath]
  if (exact) return posix.join(workspace.dir, exact)
  for (const [pattern, target] of Object.entries(exports)) {
    if (!pattern.endsWith('*') || !subpath.startsWith(pattern.slice(0, -1))) continue
    return posix.join(workspace.dir, target.replace('*', subpath.slice(pattern.length - 1)))
  }
  return undefined
}

export const resolveImport = (edge: Omit<ImportEdge, 'target'>, workspaces: Workspaces): Target => {
  const { specifier } = edge
  if (specifier === '') return { kind: 'expression' }
  if (specifier.startsWith('.')) return { kind: 'file', path: posix.normalize(posix.join(posix.dirname(edge.from), specifier)) }
  if (specifier.startsWith('node:')) return { kind: 'builtin', specifier }
  const workspaceFile = resolveWorkspace(specifier, workspaces)
  if (workspaceFile) return { kind: 'file', path: workspaceFile }
  return { kind: 'package', name: packageName(specifier), specifier }
}

/** The import graph of the given files: an edge per import, type-only ones included. */
export const importGraph = (files: SourceFile[], workspaces: Workspaces) => {
  const facts = new Map<string, FileFacts>()
  for (const file of files) {
    const read = readFileFacts(file)
    facts.set(file.path, { ...read, imports: read.imports.map((edge) => ({ ...edge, target: resolveImport(edge, workspaces) })) })
  }
  return facts
}

/** Circles of files that import each other (Tarjan's strongly connected components), each as a path round it. */
export const findCircles = (graph: Map<string, FileFacts>): string[][] => {
  const next = new Map(
    [...graph].map(([path, facts]) => [
      path,
      [
        ...new Set(
          facts.imports.flatMap((edge) => (edge.target.kind === 'file' && graph.has(edge.target.path) ? [edge.target.path] : [])),
        ),
      ],
    ]),
  )
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  let counter = 0
  const connect = (node: string) => {
    index.set(node, counter)
    low.set(node, counter)
    counter += 1
    stack.push(node)
    onStack.add(node)
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target)
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number))
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number))
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = []
      let member: string | undefined
      do {
        member = stack.pop() as string
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      const loopsOnItself = (next.get(node) ?? []).includes(node)
      if (component.length > 1 || loopsOnItself) components.push(component)
    }
  }
  for (const node of [...next.keys()].sort()) if (!index.has(node)) connect(node)
  // The shortest way round each circle from its first file, for the message.
  return components.map((component) => {
    const members = new Set(component)
    const start = [...component].sort()[0] as string
    const cameFrom = new Map<string, string>()
    const queue = [start]
    for (let at = 0; at < queue.length; at++) {
      const current = queue[at] as string
      for (const target of next.get(current) ?? []) {
        if (target === start) {
          const path = [current]
          while (path[0] !== start) path.unshift(cameFrom.get(path[0] as string) as string)
          return [...path, start]
        }
        if (members.has(target) && !cameFrom.has(target)) {
          cameFrom.set(target, current)
          queue.push(target)
        }
      }
    }
    return [start, start]
  })
}
