// Runs in the browser: GraphiQL against this server's /graphql, with the headline query as the example.
/* global React, ReactDOM, GraphiQL, document */
const query = `# Put your API key in the Headers tab below: {"Authorization": "Bearer <key>"}
{
  hosts(where: { sockets: { state: CLOSE_WAIT, port: 443, countGt: 100 } }) {
    nodes { hostname os lastSeenAt count topProcesses { name pid count } }
  }
}
`;
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
    defaultQuery: query,
    defaultHeaders: '{\n  "Authorization": "Bearer "\n}',
    defaultEditorToolsVisibility: 'headers',
  }),
);
