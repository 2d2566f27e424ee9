using DogClassifier.Api;
using Microsoft.AspNetCore.Http.Features;

var builder = WebApplication.CreateBuilder(args);
var settings = builder.AddServiceOptions();
builder.WebHost.ConfigureKestrel(settings.ConfigureKestrel);
builder.Services.Configure<FormOptions>(settings.ConfigureForms);
builder.Services.AddImageClassifierPool().FromFile(
    settings.ModelName, settings.ResolveModelPath(builder.Environment.ContentRootPath), settings.WatchModel);
builder.Services.AddHostedService<ModelWarmup>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<RequestErrorHandler>();
builder.Services.PostConfigure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapPredictionEndpoints();
app.Run();
