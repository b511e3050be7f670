// ShopReady's GraphiQL start-up: everything this page loads comes from this server.
// `?q=` (the query; `query` would make GET /graphql run it), `?variables=` and `?headers=` prefill the editors.
(function () {
  "use strict";
  var parameters = new URLSearchParams(window.location.search);
  var endpoint = window.location.origin + window.location.pathname;
  var subscriptions = endpoint.replace(/^http/, "ws");
  var fetcher = GraphiQL.createFetcher({ url: endpoint, subscriptionUrl: subscriptions });

  function remember(name) {
    return function (value) {
      var next = new URLSearchParams(window.location.search);
      if (value) {
        next.set(name, value);
      } else {
        next.delete(name);
      }
      window.history.replaceState(null, "", "?" + next.toString());
    };
  }

  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: "# Sign in with tokenCreate, then put the token in Headers:\n" +
        '# {"Authorization": "Bearer <token>"}\n{ __typename }\n',
      query: parameters.get("q") || undefined,
      variables: parameters.get("variables") || undefined,
      headers: parameters.get("headers") || undefined,
      onEditQuery: remember("q"),
      onEditVariables: remember("variables"),
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      inputValueDeprecation: true,
    })
  );
})();
