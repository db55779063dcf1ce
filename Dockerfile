# syntax=docker/dockerfile:1

# ---- build ----------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the project files alone, so that editing source code does not invalidate
# the restored-packages layer. Only the projects the API depends on are copied: restoring
# the API project (not the solution) keeps the tests out of the image.
COPY global.json Directory.Build.props Directory.Packages.props EnSakITaget.sln ./
COPY src/Domain/EnSakITaget.Domain.csproj src/Domain/
COPY src/Application/EnSakITaget.Application.csproj src/Application/
COPY src/Infrastructure/EnSakITaget.Infrastructure.csproj src/Infrastructure/
COPY src/Web/EnSakITaget.Web.csproj src/Web/
COPY src/Api/EnSakITaget.Api.csproj src/Api/
RUN dotnet restore src/Api/EnSakITaget.Api.csproj

# .editorconfig comes in only now: it affects compilation (EnforceCodeStyleInBuild with
# TreatWarningsAsErrors), not restore.
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Api/EnSakITaget.Api.csproj -c Release -o /app --no-restore -p:UseAppHost=false

# ---- runtime --------------------------------------------------------------------------
# aspnet:10.0 is Ubuntu 24.04 (.NET 10 ships no Debian images). It defines the non-root
# user `app` (uid/gid in APP_UID) and has bash, but no curl or wget.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# The embedded SQLite default writes to ./data. The compose setup uses PostgreSQL, but a
# plain `docker run` without configuration should still start, so the app user needs a
# folder it may write to.
RUN mkdir -p /app/data && chown "$APP_UID:$APP_UID" /app/data

ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID

# No HEALTHCHECK here: the image has no curl, and the check belongs to whoever runs the
# container. docker-compose.yml probes /health/ready with bash's /dev/tcp instead.
ENTRYPOINT ["dotnet", "EnSakITaget.Api.dll"]
