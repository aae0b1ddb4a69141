FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY fhir_server ./fhir_server
COPY operations ./operations
COPY models_onnx ./models_onnx
COPY terminology ./terminology
RUN pip install --no-cache-dir .
ENV FHIR_AI_DATABASE_URL=sqlite:////data/fhir.db
VOLUME /data
EXPOSE 8080
# Listening on all interfaces requires authentication: set FHIR_AI_AUTH_TOKENS.
CMD ["fhir-ai", "serve", "--host", "0.0.0.0", "--port", "8080"]
