// Renders /openapi.json with Swagger UI, served from this server.
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
