# The analyzer service (`rootcause serve`). Build: docker build -t rootcause .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish analyzer/RootCause.Server/RootCause.Server.csproj -c Release -o /out

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out .
# The shipped fault trees travel beside the binary (fault-trees/); mount your own over it to extend them.
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "rootcause.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
