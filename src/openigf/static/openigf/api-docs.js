// The API's documentation page: Swagger UI (vendored) reading the OpenAPI document.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.dataset.openapi,
    dom_id: "#swagger-ui",
    deepLinking: true,
    layout: "BaseLayout",
    requestInterceptor: function (request) {
      // A signed-in browser session works too: writes then need Django's CSRF token.
      if (root.dataset.csrf) { request.headers["X-CSRFToken"] = root.dataset.csrf; }
      return request;
    }
  });
});
