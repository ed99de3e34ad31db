// Entry point of the standalone sandbox. The emulator itself is built in the following commits.
var app = WebApplication.CreateBuilder(args).Build();
app.Run();
