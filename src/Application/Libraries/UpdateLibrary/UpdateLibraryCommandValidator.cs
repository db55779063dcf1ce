namespace EnSakITaget.Application.Libraries.UpdateLibrary;

internal sealed class UpdateLibraryCommandValidator : LibraryInputValidator<UpdateLibraryCommand>;
