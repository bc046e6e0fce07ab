# The relgraph API image (used by docker-compose.yml). Build: docker build -t relgraph .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md CHANGELOG.md ./
COPY src ./src
COPY api ./api
COPY cypher ./cypher
RUN pip install . && useradd --create-home --uid 10001 relgraph \
    && mkdir /keys && chown relgraph /keys
USER relgraph
EXPOSE 8000
CMD ["relgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
