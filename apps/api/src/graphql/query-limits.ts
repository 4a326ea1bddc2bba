import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

/**
 * Fields that run a query per parent, on top of the one unit every field costs. The list sizes come
 * from the `first`/`limit` arguments, so `hosts(first: 500) { nodes { history } }` is priced as 500
 * history queries.
 */
const FIELD_WEIGHT: Record<string, number> = {
  counts: 10,
  sockets: 10,
  listeners: 10,
  destinations: 10,
  history: 20,
  findings: 20,
  topProcesses: 2,
};
const SIZE_ARGUMENTS = ['first', 'limit'];
// A size given through a variable is unknown while validating: assume the largest allowed.
const VARIABLE_SIZE = 500;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  limits: QueryLimits;
  cost: number;
  depth: number;
  aliases: number;
  /** Fragments being expanded: a cycle (which graphql-js reports on its own) is not followed. */
  active: Set<string>;
}

function sizeOf(field: FieldNode, parent: GraphQLCompositeType): number {
  const definition =
    isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
  for (const name of SIZE_ARGUMENTS) {
    const argument = field.arguments?.find((a) => a.name.value === name);
    if (argument?.value.kind === Kind.INT) return Number(argument.value.value);
    if (argument?.value.kind === Kind.VARIABLE) return VARIABLE_SIZE;
    const declared = definition?.args.find((a) => a.name === name)?.defaultValue;
    if (!argument && typeof declared === 'number') return declared;
  }
  return 1;
}

/** Walks a selection, fragments expanded; stops as soon as a limit is passed (so fragment bombs end early). */
function visit(
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  multiplier: number,
  depth: number,
  walk: Walk,
): void {
  for (const selection of set.selections) {
    if (walk.cost > walk.limits.maxCost || walk.depth > walk.limits.maxDepth) return;
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) walk.aliases += 1;
      // Every field costs its unit, `__typename` too: so a fragment bomb of any field ends early.
      if (selection.name.value.startsWith('__')) {
        // Introspection is not walked into: graphql-js bounds its depth (MaxIntrospectionDepthRule).
        walk.cost += multiplier;
        continue;
      }
      walk.cost += multiplier * (1 + (FIELD_WEIGHT[selection.name.value] ?? 0));
      walk.depth = Math.max(walk.depth, depth);
      if (!selection.selectionSet) continue;
      const fieldType =
        isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value]?.type : null;
      const next = fieldType ? getNamedType(fieldType) : null;
      if (!next || !isCompositeType(next)) continue;
      // A page of 0 or less is refused by the resolver; priced as 1, it cannot hide what it holds.
      const size = Math.max(1, sizeOf(selection, type));
      visit(selection.selectionSet, next, multiplier * size, depth + 1, walk);
    } else {
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(name ?? '');
      if (!fragment || (name !== null && walk.active.has(name))) continue;
      if (name !== null) walk.active.add(name);
      const condition = fragment.typeCondition
        ? walk.schema.getType(fragment.typeCondition.name.value)
        : type;
      if (condition && isCompositeType(condition))
        visit(fragment.selectionSet, condition, multiplier, depth, walk);
      if (name !== null) walk.active.delete(name);
    }
  }
}

/** A validation rule refusing operations that are too deep, too costly or carry too many aliases. */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root = schema.getRootType(operation.operation);
      if (!root) return;
      const fragments = new Map(
        context
          .getDocument()
          .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((d) => [d.name.value, d]),
      );
      const walk: Walk = { schema, fragments, limits, cost: 0, depth: 0, aliases: 0, active: new Set() };
      visit(operation.selectionSet, root, 1, 1, walk);
      const problems: string[] = [];
      if (walk.depth > limits.maxDepth) problems.push(`depth over ${limits.maxDepth}`);
      if (walk.cost > limits.maxCost) problems.push(`cost over ${limits.maxCost}`);
      if (walk.aliases > limits.maxAliases)
        problems.push(`${walk.aliases} aliases (at most ${limits.maxAliases})`);
      if (problems.length > 0) {
        context.reportError(
          new GraphQLError(
            `query too complex: ${problems.join(', ')}; ask for fewer fields, smaller pages (first) or split the query`,
            {
              nodes: [operation],
              extensions: { code: 'QUERY_TOO_COMPLEX', cost: walk.cost, depth: walk.depth },
            },
          ),
        );
      }
    },
  });
}
